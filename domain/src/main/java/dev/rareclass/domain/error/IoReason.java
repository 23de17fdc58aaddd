package dev.rareclass.domain.error;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Why a file could not be read or written, in words and without the file's name, for a message that names the file
 * itself ({@code x.model: cannot read (a loop of symbolic links)}): the JDK's own message starts with the path again
 * ({@code x.model: Too many levels of symbolic links ...}).
 */
public final class IoReason {

    private IoReason() {
    }

    public static String of(Throwable e) {
        Throwable t = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        String text;
        if (t instanceof AccessDeniedException) {
            text = "permission denied";
        } else if (t instanceof NoSuchFileException) {
            text = "no such file or folder";
        } else if (t instanceof NotDirectoryException) {
            text = "not a folder";
        } else if (t instanceof FileSystemLoopException) {
            text = "a loop of symbolic links";
        } else if (t instanceof FileSystemException f && f.getReason() != null) {
            // "Too many levels of symbolic links or unable to access attributes of symbolic link" (ELOOP)
            text = f.getReason().startsWith("Too many levels of symbolic links") ? "a loop of symbolic links"
                    : f.getReason();
        } else {
            text = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        }
        return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }
}
