namespace DdGates.Model;

public enum RuleType
{
    Monitor,
    FaultyDeploymentDetection,
}

public static class RuleTypeNames
{
    public const string Monitor = "monitor";
    public const string FaultyDeploymentDetection = "faulty_deployment_detection";

    public static string ToWire(this RuleType type) => type switch
    {
        RuleType.Monitor => Monitor,
        RuleType.FaultyDeploymentDetection => FaultyDeploymentDetection,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static RuleType? FromWire(string? name) => name switch
    {
        Monitor => RuleType.Monitor,
        FaultyDeploymentDetection => RuleType.FaultyDeploymentDetection,
        _ => null,
    };
}
