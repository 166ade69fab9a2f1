/* What Windows itself says, for the tests of handshake.exe under Wine,
 * independent of Handshake's own code: a file's owner and access list
 * (SDDL), this user's SID, and the SHA-1 thumbprints of a root store.
 *
 *   probe acl PATH | probe user | probe roots user|machine
 *   probe lock PATH: holds PATH open, shared with no one, until killed
 *   (as an editor or a running server holds a file), after saying "locked" */
#include <windows.h>
#include <aclapi.h>
#include <sddl.h>
#include <wincrypt.h>
#include <stdio.h>
#include <string.h>

static void put(const wchar_t *text) {
    char out[8192];
    int n = WideCharToMultiByte(CP_UTF8, 0, text, -1, out, sizeof out, NULL, NULL);
    if (n > 0) fputs(out, stdout);
}

static int acl(const wchar_t *path) {
    PSECURITY_DESCRIPTOR sd = NULL;
    DWORD info = OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION;
    DWORD error = GetNamedSecurityInfoW(path, SE_FILE_OBJECT, info, NULL, NULL, NULL, NULL, &sd);
    if (error != ERROR_SUCCESS) { printf("error %lu\n", error); return 1; }
    wchar_t *text = NULL;
    if (!ConvertSecurityDescriptorToStringSecurityDescriptorW(sd, SDDL_REVISION_1, info, &text, NULL)) {
        printf("error %lu\n", GetLastError()); return 1;
    }
    put(text); put(L"\n");
    return 0;
}

static int user(void) {
    HANDLE token; BYTE buffer[256]; DWORD length; wchar_t *text;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token)) return 1;
    if (!GetTokenInformation(token, TokenUser, buffer, sizeof buffer, &length)) return 1;
    if (!ConvertSidToStringSidW(((TOKEN_USER *)buffer)->User.Sid, &text)) return 1;
    put(text); put(L"\n");
    return 0;
}

static int roots(const wchar_t *where) {
    DWORD place = wcscmp(where, L"machine") == 0 ? CERT_SYSTEM_STORE_LOCAL_MACHINE : CERT_SYSTEM_STORE_CURRENT_USER;
    HCERTSTORE store = CertOpenStore(CERT_STORE_PROV_SYSTEM_W, 0, 0, place | CERT_STORE_READONLY_FLAG, L"ROOT");
    if (!store) { printf("error %lu\n", GetLastError()); return 1; }
    PCCERT_CONTEXT context = NULL;
    while ((context = CertEnumCertificatesInStore(store, context))) {
        BYTE hash[20]; DWORD size = sizeof hash;
        if (CertGetCertificateContextProperty(context, CERT_SHA1_HASH_PROP_ID, hash, &size)) {
            for (DWORD i = 0; i < size; i++) printf("%02X", hash[i]);
            printf("\n");
        }
    }
    CertCloseStore(store, 0);
    return 0;
}

static int lock(const wchar_t *path) {
    HANDLE file = CreateFileW(path, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING,
                              FILE_ATTRIBUTE_NORMAL, NULL);
    if (file == INVALID_HANDLE_VALUE) { printf("error %lu\n", GetLastError()); return 1; }
    printf("locked\n");
    fflush(stdout);
    Sleep(INFINITE);
    return 0;
}

int wmain(int argc, wchar_t **argv) {
    if (argc == 3 && wcscmp(argv[1], L"acl") == 0) return acl(argv[2]);
    if (argc == 2 && wcscmp(argv[1], L"user") == 0) return user();
    if (argc == 3 && wcscmp(argv[1], L"roots") == 0) return roots(argv[2]);
    if (argc == 3 && wcscmp(argv[1], L"lock") == 0) return lock(argv[2]);
    fputs("usage: probe acl PATH | user | roots user|machine | lock PATH\n", stderr);
    return 2;
}
