namespace DdGates.Cli.Inputs;

/// <summary>What the terminal prints on stdout: text for people, or one JSON document for machines.</summary>
public enum OutputFormat
{
    Text,
    Json,
}
