//! Creating a file that must not exist yet, readable by whom its [`Mode`]
//! says from the first byte: mode 0600 or 0644 on Unix; on Windows, a
//! secret gets a protected access list naming the user alone (mode bits
//! mean nothing there, and a folder's inherited entries would let others
//! read a private key).

use std::fs::File;
use std::io;
use std::path::Path;

use super::Mode;

/// Creates `path` for writing; fails with `AlreadyExists` when it is there.
#[cfg(unix)]
pub(super) fn create_new(path: &Path, mode: Mode) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(match mode {
            Mode::Secret => 0o600,
            Mode::Public => 0o644,
        })
        .open(path)
}

/// Creates `path` for writing; fails with `AlreadyExists` when it is there.
#[cfg(windows)]
pub(super) fn create_new(path: &Path, mode: Mode) -> io::Result<File> {
    match mode {
        Mode::Public => std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path),
        Mode::Secret => owner_only::create_new(path),
    }
}

// Calls into the Windows API, each with why it is sound.
#[cfg(windows)]
#[allow(unsafe_code)]
mod owner_only {
    use std::fs::File;
    use std::io;
    use std::os::windows::ffi::OsStrExt;
    use std::os::windows::io::FromRawHandle;
    use std::path::Path;
    use std::ptr::null_mut;

    use windows_sys::Win32::Foundation::{
        CloseHandle, GENERIC_WRITE, HANDLE, INVALID_HANDLE_VALUE, LocalFree,
    };
    use windows_sys::Win32::Security::Authorization::{
        ConvertSidToStringSidW, ConvertStringSecurityDescriptorToSecurityDescriptorW,
        SDDL_REVISION_1,
    };
    use windows_sys::Win32::Security::{
        GetTokenInformation, PSECURITY_DESCRIPTOR, SECURITY_ATTRIBUTES, TOKEN_QUERY, TOKEN_USER,
        TokenUser,
    };
    use windows_sys::Win32::Storage::FileSystem::{CREATE_NEW, CreateFileW, FILE_ATTRIBUTE_NORMAL};
    use windows_sys::Win32::System::Threading::{GetCurrentProcess, OpenProcessToken};

    /// `path` created with the user as owner and an access list, not
    /// inherited, that grants the user alone everything.
    pub(super) fn create_new(path: &Path) -> io::Result<File> {
        let user = user_sid()?;
        let sddl = wide(format!("O:{user}D:P(A;;FA;;;{user})").as_ref());
        let mut descriptor: PSECURITY_DESCRIPTOR = null_mut();
        // SAFETY: `sddl` is NUL-terminated; the descriptor is freed below.
        let made = unsafe {
            ConvertStringSecurityDescriptorToSecurityDescriptorW(
                sddl.as_ptr(),
                SDDL_REVISION_1,
                &mut descriptor,
                null_mut(),
            )
        };
        if made == 0 {
            return Err(io::Error::last_os_error());
        }
        let attributes = SECURITY_ATTRIBUTES {
            nLength: size_of::<SECURITY_ATTRIBUTES>() as u32,
            lpSecurityDescriptor: descriptor,
            bInheritHandle: 0,
        };
        let name = wide(path.as_os_str());
        // SAFETY: `name` is NUL-terminated and `attributes` outlives the call.
        let handle = unsafe {
            CreateFileW(
                name.as_ptr(),
                GENERIC_WRITE,
                0,
                &attributes,
                CREATE_NEW,
                FILE_ATTRIBUTE_NORMAL,
                null_mut(),
            )
        };
        let error = io::Error::last_os_error();
        // SAFETY: allocated by the conversion above, used by no one now.
        unsafe { LocalFree(descriptor) };
        if handle == INVALID_HANDLE_VALUE {
            return Err(error);
        }
        // SAFETY: a handle just opened, owned by nothing else.
        Ok(unsafe { File::from_raw_handle(handle) })
    }

    /// The user this process runs as, as an SID string (`S-1-5-21-…`).
    fn user_sid() -> io::Result<String> {
        let mut token: HANDLE = null_mut();
        // SAFETY: the pseudo-handle of this process; `token` is closed below.
        if unsafe { OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &mut token) } == 0 {
            return Err(io::Error::last_os_error());
        }
        // TOKEN_USER is followed by the SID it points to: 256 bytes hold any.
        let mut buffer = [0u64; 32];
        let mut length = 0;
        // SAFETY: `buffer` is writable, 8-aligned and as large as said.
        let read = unsafe {
            GetTokenInformation(
                token,
                TokenUser,
                buffer.as_mut_ptr().cast(),
                size_of_val(&buffer) as u32,
                &mut length,
            )
        };
        let error = io::Error::last_os_error();
        // SAFETY: opened above.
        unsafe { CloseHandle(token) };
        if read == 0 {
            return Err(error);
        }
        // SAFETY: filled by GetTokenInformation as a TOKEN_USER.
        let sid = unsafe { (*buffer.as_ptr().cast::<TOKEN_USER>()).User.Sid };
        let mut text: *mut u16 = null_mut();
        // SAFETY: `sid` points into `buffer`; `text` is freed below.
        if unsafe { ConvertSidToStringSidW(sid, &mut text) } == 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: a NUL-terminated string from the conversion.
        let length = (0..).take_while(|&i| unsafe { *text.add(i) } != 0).count();
        // SAFETY: `length` characters were read just above.
        let sid = String::from_utf16_lossy(unsafe { std::slice::from_raw_parts(text, length) });
        // SAFETY: allocated by the conversion.
        unsafe { LocalFree(text.cast()) };
        Ok(sid)
    }

    fn wide(text: &std::ffi::OsStr) -> Vec<u16> {
        text.encode_wide().chain([0]).collect()
    }
}
