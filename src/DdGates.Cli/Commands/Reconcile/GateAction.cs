namespace DdGates.Cli.Commands.Reconcile;

/// <summary>What the plan does to a gate as a whole. A gate whose only changes are in its rules is an update.</summary>
public enum GateAction
{
    Create,
    Update,
    Delete,
    Unchanged,
    /// <summary>Declared absent, and not there: nothing to delete.</summary>
    Absent,
    /// <summary>Left alone: the tool will not guess (two rules of one name on the server, say).</summary>
    Error,
}
