using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace DdGates.Cli;

/// <summary>Appends runnable examples to <c>--help</c>.</summary>
internal sealed class HelpExamples(HelpAction standard, IReadOnlyDictionary<string, string> examples) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        var code = standard.Invoke(parseResult);
        if (examples.TryGetValue(parseResult.CommandResult.Command.Name, out var text))
        {
            parseResult.InvocationConfiguration.Output.WriteLine("Examples:");
            parseResult.InvocationConfiguration.Output.WriteLine(text);
        }

        return code;
    }

    public static void Attach(RootCommand root, IReadOnlyDictionary<string, string> examples)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpExamples((HelpAction)help.Action!, examples);
    }
}
