using DdGates.Config;
using DdGates.Model;

namespace DdGates.Exporting;

/// <summary>
/// The pure part of export: gates with their rules in, file entries out. Gates of one service and identifier whose
/// rules are the same (names, types and options, in the server's order) fold into one entry, whatever their dry_run.
/// With <c>fold</c>, so do gates of many services whose rules are the same once each gate's service and env are
/// written as <c>{service}</c> and <c>{env}</c> (<see cref="Placeholders.Templatize"/>); services fold into one entry
/// when they have the same envs and the same dry_run in each. Options are written normalized, so the service's
/// defaults are left out, and as templates (a literal brace doubled), as the reader reads them.
/// </summary>
public static class ExportFolding
{
    public static ExportedFile Fold(IEnumerable<ActualGate> gates, bool acrossServices = false)
    {
        var leftOut = new List<LeftOut>();
        var exportable = new List<ActualGate>();
        foreach (var gate in gates)
        {
            if (Problem(gate) is { } why) leftOut.Add(new LeftOut(gate.Key, why));
            else exportable.Add(gate);
        }

        var entries = exportable
            .GroupBy(g => (g.Key.Identifier, Service: acrossServices ? "" : g.Key.Service, Shape: Templates(g, acrossServices, acrossServices)))
            .SelectMany(group => group.GroupBy(g => g.Key.Service).GroupBy(Profile, g => g).Select(Entry))
            .OrderBy(e => e.Services[0], StringComparer.Ordinal).ThenBy(e => e.Identifier, StringComparer.Ordinal).ThenBy(e => e.Envs[0], StringComparer.Ordinal)
            .ToList();
        return new ExportedFile(entries, [.. leftOut.OrderBy(l => l.Key.ToString(), StringComparer.Ordinal)]);
    }

    /// <summary>Why a gate cannot be written as it is, or null.</summary>
    private static string? Problem(ActualGate gate)
    {
        var twice = gate.Rules.GroupBy(r => r.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"\"{g.Key}\"").ToList();
        if (twice.Count > 0) return $"it holds two or more rules named {string.Join(", ", twice)}; which one is meant cannot be guessed";
        var unreadable = gate.Rules.FirstOrDefault(r => r.Type is null || r.Options is null);
        if (unreadable is not null) return $"its rule \"{unreadable.Name}\" has a type or options this version cannot read ({unreadable.TypeName})";
        var literal = new[] { gate.Key.Service, gate.Key.Env, gate.Key.Identifier }
            .Concat(gate.Rules.SelectMany(r => Placeholders.LiteralTexts(r.Options!)))
            .FirstOrDefault(text => Placeholders.Misplaced(text) is not null);
        return literal is null ? null : $"\"{literal}\" holds a placeholder where a gates file takes text as written";
    }

    /// <summary>
    /// The gate's rules without their dry_run, normalized, with name, query and excluded resources as templates of the
    /// chosen values; compared by value (names, and options case by case), so equal shapes fold.
    /// </summary>
    private static EquatableList<(string Name, RuleOptions Options)> Templates(ActualGate gate, bool service, bool env)
    {
        var values = new List<(string, string)>();
        if (service) values.Add(("service", gate.Key.Service));
        if (env) values.Add(("env", gate.Key.Env));
        string Template(string text) => Placeholders.Templatize(text, values);
        return new(gate.Rules.Select(r => (Template(r.Name), Placeholders.InTemplates(r.Options!.Normalize(), Template))));
    }

    /// <summary>A service's gates in a group, as what must match for services to share an entry: envs and every dry_run.</summary>
    private static string Profile(IGrouping<string, ActualGate> service) =>
        string.Join("\n", service.OrderBy(g => g.Key.Env, StringComparer.Ordinal)
            .Select(g => $"{g.Key.Env}\u0001{g.DryRun}\u0001{string.Join(',', g.Rules.Select(r => r.DryRun))}"));

    private static ExportEntry Entry(IGrouping<string, IGrouping<string, ActualGate>> services)
    {
        var gates = services.SelectMany(s => s).OrderBy(g => g.Key.Service, StringComparer.Ordinal).ThenBy(g => g.Key.Env, StringComparer.Ordinal).ToList();
        var names = services.Select(s => s.Key).Order(StringComparer.Ordinal).ToList();
        var first = gates[0];
        var envGates = gates.Where(g => g.Key.Service == first.Key.Service).ToList();
        var envs = envGates.Select(g => g.Key.Env).ToList();
        // Placeholders only for what varies in the entry; a value it holds once is clearer written out. Where that
        // would read back differently for a gate (values that overlap), every placeholder stays.
        var rules = Templates(first, names.Count > 1, envs.Count > 1);
        if (!gates.All(g => ReadsBackAs(rules, g))) rules = Templates(first, true, true);
        return new ExportEntry(names, first.Key.Identifier, envs, new PerEnv(envGates.ToDictionary(g => g.Key.Env, g => g.DryRun)),
            [.. rules.Select((rule, i) => new ExportRule(rule.Name, rule.Options, new PerEnv(envGates.ToDictionary(g => g.Key.Env, g => g.Rules[i].DryRun))))]);
    }

    private static bool ReadsBackAs(EquatableList<(string Name, RuleOptions Options)> rules, ActualGate gate) =>
        rules.Select((rule, i) => (rule, actual: gate.Rules[i])).All(p =>
            Placeholders.Expand(p.rule.Name, gate.Key) == p.actual.Name && Placeholders.Expand(p.rule.Options, gate.Key).Equals(p.actual.Options!.Normalize()));
}
