namespace DdGates.Planning;

public enum GateChange
{
    Unchanged,
    Create,
    /// <summary>Only dry_run can change on an existing gate; service, env and identifier are its identity.</summary>
    Update,
    /// <summary>Declared absent, or pruned from the file's scope: the gate goes, and its rules with it.</summary>
    Delete,
}
