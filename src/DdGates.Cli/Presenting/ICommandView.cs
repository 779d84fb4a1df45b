using DdGates.Cli.Inputs;

namespace DdGates.Cli.Presenting;

/// <summary>
/// What one command found, decided once (counts, risky changes, the outcome per gate) and spelled for every surface
/// from that one decision: text for a log or terminal, one JSON document, markdown for a summary, step outputs and
/// annotations. No surface counts or judges on its own.
/// </summary>
public interface ICommandView
{
    /// <summary>For a person reading a log or a terminal; empty when an earlier step already showed it.</summary>
    string Text();

    /// <summary>The -o json document (and the step output that carries it).</summary>
    string Json(bool indented = true);

    /// <summary>The step summary, within <paramref name="limitBytes"/> UTF-8 bytes.</summary>
    string Markdown(int limitBytes);

    /// <summary>The step outputs this command sets.</summary>
    IReadOnlyList<(OutputSpec Output, string Value)> Outputs { get; }

    /// <summary>The text is the problem report itself (a terminal prints it on stderr; a step shows the annotations instead).</summary>
    bool TextIsDiagnostic => false;

    /// <summary>The view carries a gate's verdict (gate-status): an evaluation, or the problems that stopped one.</summary>
    bool IsVerdict => false;

    /// <summary>Warnings and errors worth an annotation on a CI host.</summary>
    IReadOnlyList<Annotation> Annotations { get; }
}
