namespace DdGates.Cli;

/// <summary>The files a run reads (gates and rules files) and writes (an export): a problem is a message, never an exception.</summary>
public static class LocalFiles
{
    /// <summary>The file's text, or null when it cannot be read.</summary>
    public static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
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
