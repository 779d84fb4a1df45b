using DdGates.Cli.Inputs;
using DdGates.Cli.Presenting;
using DdGates.Cli.Text;
using DdGates.Config;
using DdGates.Inputs;
using DdGates.Planning;
using DdGates.Preflight;
using DdGates.Reconciling;

namespace DdGates.Cli.Commands.Reconcile;

/// <summary>
/// plan or apply, decided once: one row per selected gate in file order, the counts, the enforcement turned on, the
/// plan hash. The text, JSON, markdown, outputs and annotations below are spellings of this, nothing more.
/// </summary>
public sealed class ReconcileView : ICommandView
{
    public ReconcileView(ReconcileOutcome outcome, bool apply, InputNames names)
    {
        Outcome = outcome;
        Apply = apply;
        Names = names;
        Plan = outcome switch { Applied a => a.Plan, Planned p => p.Plan, _ => null };
        Rows = outcome switch
        {
            Applied applied => [.. applied.Plan.Gates.Zip(applied.Gates, (shown, run) => new GateRow(shown, run.Plan, run.Outcome))],
            Planned planned => [.. planned.Plan.Gates.Select(g => new GateRow(g, g, null))],
            _ => [],
        };
        Counts = ChangeCounts.Of(Rows, outcome is Applied);
    }

    /// <summary>The plan alone, as apply shows it before the first write.</summary>
    public static ReconcileView BeforeApply(Plan plan, PreflightResult preflight, InputNames names) => new(new Planned(plan, 0) { Preflight = preflight }, apply: false, names);

    public ReconcileOutcome Outcome { get; }

    /// <summary>The command was apply (also when it was refused, and for apply-and-evaluate).</summary>
    public bool Apply { get; }

    public InputNames Names { get; }

    /// <summary>The plan shown before anything was written; null when Datadog could not be read.</summary>
    public Plan? Plan { get; }

    public IReadOnlyList<GateRow> Rows { get; }

    public ChangeCounts Counts { get; }

    public string CommandWord => Apply ? "apply" : "plan";

    public string? Hash => Plan is { HasChanges: true } p ? p.Hash : null;

    /// <summary>The first sentence everywhere: what happened, or what would.</summary>
    public string Headline => Outcome switch
    {
        ReadFailed => $"The {CommandWord} could not be made: Datadog could not be read.",
        Applied { Succeeded: true } a when !a.Changed && !Plan!.HasChanges => "Nothing to apply: Datadog already matches the file.",
        Applied { Succeeded: true } => "Applied.",
        Applied => "Apply failed in part. Run the same command again to finish: what was applied is kept, and the rest is planned again.",
        Planned { Refused: not null, PreflightFailed: true } => "Apply refused: the preflight found monitor rules that would fail every evaluation; nothing was written.",
        Planned { Refused: not null } => "Apply refused: the plan is not the one reviewed; nothing was written.",
        Planned { Plan.HasErrors: true } => "The plan has gates in error; those gates are left alone.",
        Planned { Plan.HasChanges: true } => "Changes pending.",
        _ => "No changes.",
    };

    /// <summary>The setting that applies exactly this plan, spelled as where the run comes from takes it: <c>--expect-plan 3f9c</c>, <c>expectPlan: 3f9c</c>.</summary>
    public string? ExpectPlan => Hash is { } h ? Names.Set(Input.ExpectPlan, h) : null;

    public string Text() => Outcome switch
    {
        Planned p when !Apply => PlanText.Render(this),
        Applied => OutcomeText.Render(this),
        _ => "",
    };

    public string Json(bool indented = true) => ReconcileJson.Render(this, indented);

    public string Markdown(int limitBytes) => ReconcileMarkdown.Render(this, limitBytes);

    public IReadOnlyList<(OutputSpec Output, string Value)> Outputs
    {
        get
        {
            var outputs = new List<(OutputSpec, string)>
            {
                (OutputTable.Changed, Outcome.Changed ? "true" : "false"),
                (OutputTable.Result, Outcome.Result),
            };
            if (Outcome is ReadFailed) return outputs;
            if (Rows.Count == 1) outputs.Add((OutputTable.GateId, Rows[0].Exists ? Rows[0].Id : ""));
            outputs.Add((OutputTable.GateIds, JsonText.Write(w =>
            {
                w.WriteStartObject();
                foreach (var row in Rows.Where(r => r.Exists)) w.WriteString(row.Key.ToString(), row.Id);
                w.WriteEndObject();
            }, indented: false)));
            outputs.Add((OutputTable.PlanHash, Plan!.Hash));
            outputs.Add((OutputTable.PlanJson, Json(indented: false)));
            return outputs;
        }
    }

    public IReadOnlyList<Annotation> Annotations
    {
        get
        {
            var notes = new List<Annotation>();
            var preflight = Outcome.Preflight;
            if (preflight.Skipped is { } skipped) notes.Add(new Annotation(false, skipped, InText: true, IsNotice: true));
            var where = Rows.ToDictionary(r => r.Key, r => r.Shown.Desired.Location);
            foreach (var rule in preflight.Rules.Where(r => r.IsWarning || r.Verdict == MatchVerdict.CouldNotCheck))
            {
                var message = rule.Warning ?? $"{rule.Gate}, rule \"{rule.Rule}\": {rule.Summary}";
                notes.Add(new Annotation(false, message, where.GetValueOrDefault(rule.Gate), InText: rule.IsWarning == false, IsNotice: !rule.IsWarning));
            }

            foreach (var row in Rows)
            {
                var at = row.Shown.Desired.Location;
                if (row.Error is { } error) notes.Add(new Annotation(true, $"{row.Key}: {error}", at, InText: true));
                foreach (var e in row.Enforcement) notes.Add(new Annotation(false, $"{row.Key}: {Words.Enforcement(e, Outcome is Applied)}", at, InText: true));
                foreach (var unmanaged in row.Shown.Unmanaged)
                {
                    notes.Add(new Annotation(false, $"{row.Key}: rule \"{unmanaged.Name}\" is on the gate but not in the file; kept (set {Names.Of(Input.Prune)} to delete it)", at, InText: true));
                }
            }

            return notes;
        }
    }
}
