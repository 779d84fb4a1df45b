namespace DdGates.Tests.Support;

/// <summary>
/// One temporary directory per test run for the files tests write (gates files, event payloads), deleted when the
/// test process exits, so runs leave nothing behind in the machine's temp directory.
/// </summary>
internal static class TestFiles
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var root = System.IO.Directory.CreateTempSubdirectory("dd-gates-tests-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                System.IO.Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // A file still open at exit: the machine's temp cleaning takes it.
            }
        };
        return root;
    });

    public static string Directory => Root.Value;

    /// <summary>A new empty directory inside the run's directory.</summary>
    public static string NewDirectory(string name) => System.IO.Directory.CreateDirectory(Path.Combine(Directory, $"{name}-{Guid.NewGuid():N}")).FullName;

    /// <summary>A new empty file inside the run's directory.</summary>
    public static string NewFile()
    {
        var path = Path.Combine(Directory, $"file-{Guid.NewGuid():N}");
        File.WriteAllBytes(path, []);
        return path;
    }
}
