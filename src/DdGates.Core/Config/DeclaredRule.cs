using YamlDotNet.RepresentationModel;
using DdGates.Model;

namespace DdGates.Config;

/// <summary>
/// A rule as written in a file, before it is made for one gate: dry_run resolved for the gate's env, and the
/// placeholders of its name, query and excluded resources replaced with the gate's values (<see cref="Placeholders"/>).
/// </summary>
internal sealed record DeclaredRule(string Name, EnvSwitch DryRun, RuleOptions Options, YamlNode NameNode)
{
    /// <summary>Whether its name, query or an excluded resource holds a brace: a placeholder, or a doubled brace to halve.</summary>
    public bool NeedsExpanding { get; } = HasBrace(Name) || Placeholders.TemplateTexts(Options).Any(HasBrace);

    public RuleSpec For(GateKey gate) =>
        new(Placeholders.Expand(Name, gate), DryRun.For(gate.Env, false), Placeholders.Expand(Options, gate));

    private static bool HasBrace(string text) => text.AsSpan().IndexOfAny('{', '}') >= 0;
}
