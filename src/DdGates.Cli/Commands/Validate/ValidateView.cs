using DdGates.Cli.Inputs;
using DdGates.Cli.Presenting;
using DdGates.Cli.Text;
using DdGates.Config;
using DdGates.Model;

namespace DdGates.Cli.Commands.Validate;

/// <summary>validate: the gates the file keeps (with their rules), and apart from them the entries declared absent.</summary>
public sealed class ValidateView(DesiredState desired) : ICommandView
{
    private readonly IReadOnlyList<Model.GateSpec> _kept = [.. desired.Gates.Where(g => !g.Absent)];
    private readonly IReadOnlyList<Model.GateSpec> _absent = [.. desired.Gates.Where(g => g.Absent)];

    public string Text()
    {
        var rules = _kept.Sum(g => g.Rules.Count);
        var text = $"Valid: {Words.Plural(_kept.Count, "gate", "gates")} with {Words.Plural(rules, "rule", "rules")}";
        if (_kept.Count > 0) text += $" ({string.Join(", ", _kept.Select(g => g.Key))})";
        if (_absent.Count > 0) text += $"; {_absent.Count} declared absent, to be deleted ({string.Join(", ", _absent.Select(g => g.Key))})";
        return text + ".\n";
    }

    public string Json(bool indented = true) => JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteBoolean("valid", true);
        w.WriteNumber("gate_count", _kept.Count);
        w.WriteNumber("rule_count", _kept.Sum(g => g.Rules.Count));
        w.WriteStartArray("gates");
        foreach (var gate in _kept)
        {
            w.WriteStartObject();
            JsonText.Key(w, gate.Key);
            w.WriteBoolean("dry_run", gate.DryRun);
            JsonText.Strings(w, "rules", gate.Rules.Select(r => r.Name));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        JsonText.Strings(w, "absent", _absent.Select(g => g.Key.ToString()));
        JsonText.Strings(w, "warnings", desired.Warnings);
        w.WriteEndObject();
    }, indented);

    public string Markdown(int limitBytes) => $"## Datadog Deployment Gates: validate\n\n**{MarkdownText.Escape(Text().TrimEnd())}**\n";

    public IReadOnlyList<(OutputSpec Output, string Value)> Outputs => [];

    public IReadOnlyList<Annotation> Annotations => [];
}
