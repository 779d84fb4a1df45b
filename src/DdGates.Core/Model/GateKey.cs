namespace DdGates.Model;

/// <summary>The natural key of a gate. All three parts are immutable on the server.</summary>
public sealed record GateKey(string Service, string Env, string Identifier)
{
    public const string DefaultIdentifier = "default";

    public override string ToString() => $"{Service}/{Env}/{Identifier}";
}
