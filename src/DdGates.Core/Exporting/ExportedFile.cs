using DdGates.Model;

namespace DdGates.Exporting;

/// <summary>
/// The gates of an organization as gates file entries: gates that differ only by env folded into one entry. A gate
/// the file cannot say exactly (two rules of one name, a rule this version cannot read) is left out, with why.
/// </summary>
public sealed record ExportedFile(IReadOnlyList<ExportEntry> Entries, IReadOnlyList<LeftOut> LeftOut)
{
    public int GateCount => Entries.Sum(e => e.Services.Count * e.Envs.Count);
}

/// <summary>One entry: one or more services, an identifier, one or more envs; the same rules (as templates) in each gate.</summary>
public sealed record ExportEntry(IReadOnlyList<string> Services, string Identifier, IReadOnlyList<string> Envs, PerEnv DryRun, IReadOnlyList<ExportRule> Rules);

/// <summary>A rule of an entry; only its dry_run may differ between the entry's envs. Name, query and excluded resources are templates.</summary>
public sealed record ExportRule(string Name, RuleOptions Options, PerEnv DryRun);

/// <summary>A dry_run value: one for every env (<see cref="Same"/>), or one per env where they differ.</summary>
public sealed record PerEnv(IReadOnlyDictionary<string, bool> ByEnv)
{
    public bool? Same => ByEnv.Values.Distinct().Count() == 1 ? ByEnv.Values.First() : null;
}

public sealed record LeftOut(GateKey Key, string Why);
