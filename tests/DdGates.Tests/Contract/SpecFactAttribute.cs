namespace DdGates.Tests.Contract;

/// <summary>A test that compares the repository with ../shared/datadog/deployment-gates.openapi.yaml; skipped, saying so, where it is absent.</summary>
public sealed class SpecFactAttribute : FactAttribute
{
    public SpecFactAttribute()
    {
        if (OpenApiSpec.FindPath() is null)
        {
            Skip = "../shared/datadog/deployment-gates.openapi.yaml is not beside this checkout, so docs/datadog-contract.json cannot be compared with it (CI has it).";
        }
    }
}
