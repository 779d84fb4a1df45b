namespace DdGates.Cli.Inputs;

/// <summary>What an input holds; decides its task.json type (<see cref="InputSpec.AzureType"/>).</summary>
public enum InputKind
{
    Text,
    Boolean,
    WholeNumber,
    Secret,
    FilePath,
    MultiLine,
    Choice,
}
