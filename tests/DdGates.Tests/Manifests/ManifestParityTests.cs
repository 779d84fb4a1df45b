using YamlDotNet.RepresentationModel;
using DdGates.Cli;
using DdGates.Cli.Commands;
using DdGates.Cli.Exit;
using DdGates.Cli.Inputs;

namespace DdGates.Tests.Manifests;

/// <summary>action.yml, the input table and the CLI say the same thing about every input and output.</summary>
public class ManifestParityTests
{
    private static readonly YamlMappingNode Action = RepoFiles.Yaml("action.yml");

    private static string? Scalar(YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    [Fact]
    public void Action_inputs_match_the_table_in_name_default_and_description()
    {
        var inputs = Map(Action, "inputs").Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => c.Value);

        Assert.Equal(InputTable.All.Select(i => i.GitHub), inputs.Keys);
        foreach (var spec in InputTable.All)
        {
            Assert.True(spec.Default == Scalar(inputs[spec.GitHub], "default"), $"{spec.GitHub}: default");
            Assert.True(spec.Description == Scalar(inputs[spec.GitHub], "description"), $"{spec.GitHub}: description");
            Assert.Equal("false", Scalar(inputs[spec.GitHub], "required")); // the runner does not enforce it; the program validates
        }
    }

    [Fact]
    public void Action_outputs_match_the_table()
    {
        var outputs = Map(Action, "outputs").Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => Scalar(c.Value, "description"));

        Assert.Equal(OutputTable.All.Select(o => o.GitHub), outputs.Keys);
        Assert.All(OutputTable.All, o => Assert.Equal(o.Description, outputs[o.GitHub]));
    }

    [Fact]
    public void Action_runs_the_pinned_public_image_of_this_version()
    {
        var runs = Map(Action, "runs");

        Assert.Equal("docker", Scalar(runs, "using"));
        Assert.Equal($"docker://ghcr.io/org/dd-gates:{RepoFiles.Version}", Scalar(runs, "image"));
        Assert.Equal(["run"], ((YamlSequenceNode)runs.Children[new YamlScalarNode("args")]).Children.Select(c => ((YamlScalarNode)c).Value));
    }

    [Fact]
    public void Cli_options_come_from_the_table_and_nothing_else_but_the_cli_only_ones()
    {
        var options = new CliOptions();
        var cliOnly = new[] { "--output", "--detailed-exitcode", "--apply" };
        var all = CommandTable.Rows(options).SelectMany(r => r.Options).Distinct().ToList();
        var exportSelection = new[] { options.ExportService, options.ExportEnv, options.ExportIdentifier };

        var fromTable = InputTable.All.Where(i => i.Cli is not null).Select(i => i.Cli!).Order().ToList();
        var declared = all.Select(o => o.Name).Distinct().Except(cliOnly).Order().ToList();

        Assert.Equal(fromTable, declared);
        foreach (var option in all.Where(o => !cliOnly.Contains(o.Name) && !exportSelection.Contains(o)))
        {
            // The table's help, and at most the default after it.
            Assert.StartsWith(InputTable.All.Single(i => i.Cli == option.Name).Description, option.Description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_table_option_is_documented_in_the_help_of_a_command()
    {
        var help = new StringWriter();
        foreach (var command in new[] { "plan", "apply", "evaluate", "report", "export" }) await CliApp.RunAsync([command, "--help"], help, TextWriter.Null, _ => null);

        foreach (var spec in InputTable.All.Where(i => i.Cli is not null)) Assert.Contains(spec.Cli!, help.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_choices_are_the_cli_commands()
    {
        var help = new StringWriter();
        await CliApp.RunAsync(["--help"], help, TextWriter.Null, _ => null);
        var commands = help.ToString().Split("Commands:")[1].Split('\n').Select(l => l.Trim().Split(' ')[0]).Where(c => c.Length > 0).ToList();

        Assert.Equal(["apply", "evaluate", "export", "plan", "report", "run", "validate"], commands.Order());
        Assert.Equal(["apply", "apply-and-evaluate", "evaluate", "export", "plan", "report"], InputTable.Command.Choices!.Order()); // apply-and-evaluate: dd-gates evaluate --apply
    }

    [Fact]
    public async Task The_exit_codes_in_help_and_in_the_readme_are_the_table_in_code()
    {
        var help = new StringWriter();
        await CliApp.RunAsync(["--help"], help, TextWriter.Null, _ => null);
        var readme = File.ReadAllText(Path.Combine(RepoFiles.Root, "README.md")).Split("## Exit codes")[1].Split("\n## ")[0];
        var rows = readme.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && char.IsDigit(l[2]))
            .Select(l => l.Trim('|', ' ').Split(" | ", 2)).Select(p => (int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), p[1])).ToList();

        Assert.Equal(ExitCodes.Table, rows);
        Assert.Contains(ExitCodes.Help(), help.ToString().ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
