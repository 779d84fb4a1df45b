using DdGates.Model;

namespace DdGates.Config;

/// <summary>A rule as written in a file, before dry_run is resolved for an environment.</summary>
internal sealed record DeclaredRule(string Name, EnvSwitch DryRun, RuleOptions Options)
{
    public RuleSpec For(string env) => new(Name, DryRun.For(env, false), Options);
}
