/* A stand-in for Windows' bcryptprimitives.dll, for tests under Wine 8
 * only: Rust's standard library (1.78 and later) imports ProcessPrng from
 * it, which Wine 8 lacks, so every Rust program fails to start there.
 * ProcessPrng fills the buffer from the system's generator and never fails;
 * RtlGenRandom (SystemFunction036) is that generator. Never shipped: on
 * Windows the system's own DLL is always the one loaded. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
