namespace DdGates.Tests.Contract;

/// <summary>A test that needs ../shared/datadog/deployment-gates.openapi.yaml; skipped, saying so, where it is absent.</summary>
public sealed class SpecFactAttribute : FactAttribute
{
    public SpecFactAttribute()
    {
        if (OpenApiSpec.FindPath() is null)
        {
            Skip = "../shared/datadog/deployment-gates.openapi.yaml is not beside this checkout; the contract test needs it (CI has it).";
        }
    }
}
