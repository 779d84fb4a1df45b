namespace DdGates.Cli.Inputs;

/// <summary>One output of the step, with its GitHub and Azure names.</summary>
public sealed record OutputSpec(string GitHub, string Azure, string Description);
