using YamlDotNet.RepresentationModel;
using DdGates.Inputs;
using DdGates.Model;

namespace DdGates.Config;

/// <summary>
/// The two ways to declare gates: a gates file, or one gate from flags with its rules from a rules
/// file (our <c>rules:</c> list, or datadog-ci's JSON gate configuration <c>{dryRun?, rules}</c>, unchanged).
/// </summary>
public static class DesiredStateLoader
{
    private static readonly string[] RulesFileFields = ["rules", "dryRun", "dry_run", "$schema"];

    public static DesiredState FromGatesFile(string text, string file)
    {
        var diagnostics = new List<Diagnostic>();
        var root = DocumentParser.Parse(text, file, diagnostics);
        if (root is null) return new DesiredState([], diagnostics);
        var (gates, scope) = GatesFileReader.Read(new NodeReader(file, diagnostics), root);
        return diagnostics.Count == 0
            ? new DesiredState(gates, []) { Scope = scope, Warnings = CaseCollisions.Find(gates) }
            : new DesiredState([], diagnostics) { Scope = scope };
    }

    /// <summary>One gate from the service, env, identifier and dry-run inputs, and a rules document.</summary>
    public static DesiredState FromInputs(string? service, string? env, string? identifier, bool? dryRun, string rulesText, string rulesFile)
    {
        var diagnostics = new List<Diagnostic>();
        CheckName(Input.Service, service, required: true, diagnostics);
        CheckName(Input.Env, env, required: true, diagnostics);
        CheckName(Input.Identifier, identifier, required: false, diagnostics);

        var reader = new NodeReader(rulesFile, diagnostics);
        var root = DocumentParser.Parse(rulesText, rulesFile, diagnostics);
        List<DeclaredRule> rules = [];
        var fileDryRun = EnvSwitch.Unset("dryRun");
        if (root is YamlSequenceNode) rules = RuleReader.ReadAll(reader, root, "rules", datadogCiSpelling: true);
        else if (root is not null && reader.Fields(root, "", RulesFileFields) is { } f)
        {
            if (f.TryGetValue("rules", out var rulesNode)) rules = RuleReader.ReadAll(reader, rulesNode, "rules", datadogCiSpelling: true);
            else reader.Error(root, "rules", "required: a list of rules");
            var dryRunNode = f.GetValueOrDefault("dryRun") ?? f.GetValueOrDefault("dry_run");
            fileDryRun = EnvSwitch.Read(reader, dryRunNode, "dryRun");
        }

        if (diagnostics.Count > 0) return new DesiredState([], diagnostics);
        var key = new GateKey(service!, env!, string.IsNullOrEmpty(identifier) ? GateKey.DefaultIdentifier : identifier);
        fileDryRun.CheckKeys([key.Env], reader);
        foreach (var rule in rules) rule.DryRun.CheckKeys([key.Env], reader);
        var gate = new GateSpec(key, dryRun ?? fileDryRun.For(key.Env, false), Prune: false, [.. rules.Select(r => r.For(key))]);
        if (rules.Any(r => r.NeedsExpanding)) GatesFileReader.CheckExpandedNames(reader, rules, [gate], "rules");
        return new DesiredState(diagnostics.Count == 0 ? [gate] : [], diagnostics);
    }

    private static void CheckName(Input input, string? value, bool required, List<Diagnostic> diagnostics)
    {
        if (value is null)
        {
            if (required) diagnostics.Add(Diagnostic.About(input, "required when no gates file is given"));
            return;
        }

        if ((Names.TagProblem(value) ?? Placeholders.Misplaced(value)) is { } problem) diagnostics.Add(Diagnostic.About(input, problem));
    }
}
