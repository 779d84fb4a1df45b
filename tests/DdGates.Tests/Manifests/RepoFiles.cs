using System.Xml.Linq;
using YamlDotNet.RepresentationModel;

namespace DdGates.Tests.Manifests;

/// <summary>Files at the repository's top level, found from the test's output folder.</summary>
internal static class RepoFiles
{
    public static readonly string Root = FindRoot();

    public static string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    public static YamlMappingNode Yaml(string relative)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(Read(relative)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    public static string Version => XDocument.Parse(Read("Directory.Build.props")).Descendants("Version").Single().Value;

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Actions.sln"))) dir = dir.Parent;
        return dir.FullName;
    }
}
