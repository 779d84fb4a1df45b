using DdGates.Config;

namespace DdGates.Cli;

/// <summary>The files a run reads (gates and rules files) and writes (an export): a problem is a message, never an exception.</summary>
public static class LocalFiles
{
    private static readonly System.Text.UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>
    /// The file's text, or null when it cannot be read. At most one byte past <see cref="GatesFile.MaxBytes"/> is read,
    /// so /dev/zero or a huge file ends in "too large" rather than in running out of memory. Bytes that are not UTF-8
    /// become U+FFFD, which the gates-file reader refuses with its line.
    /// </summary>
    public static string? Read(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var buffer = new byte[GatesFile.MaxBytes + 1];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = file.Read(buffer, length, buffer.Length - length)) > 0) length += read;
            var bom = length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
            return Utf8.GetString(buffer, bom, length - bom);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Writes the text (UTF-8, no BOM); null when written, else why not.</summary>
    public static string? Write(string path, string text)
    {
        try
        {
            File.WriteAllText(path, text);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return e.Message;
        }
    }
}
