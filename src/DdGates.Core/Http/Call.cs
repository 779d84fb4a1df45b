namespace DdGates.Http;

/// <summary>
/// What one request is, for the pipeline: its name in messages ("create gate checkout/prod/default") and whether a
/// lost answer may be repeated blindly. A generated client puts it in the request's options; <see cref="ResilientHandler"/> reads it.
/// </summary>
public sealed record Call(string Operation, bool SafeToRepeat)
{
    /// <summary>The request option that carries the call (Refit: a <c>[Property(Call.Key)]</c> parameter).</summary>
    public const string Key = "dd-gates.call";

    public static readonly HttpRequestOptionsKey<Call> OptionsKey = new(Key);
}
