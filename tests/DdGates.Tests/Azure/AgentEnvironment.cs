using DdGates.Inputs;
namespace DdGates.Tests.Azure;

/// <summary>
/// Environment variable names exactly as the Azure Pipelines agent builds them, ported from its source
/// (microsoft/azure-pipelines-agent): Handler.AddEndpointsToEnvironment names a connection's variables with
/// <c>endpoint.Id.ToString()</c> (a Guid, so lower case with hyphens) and the key through
/// VarUtil.ConvertToEnvVariableFormat ('.' and ' ' to '_', upper-cased); Handler.AddInputsToEnvironment does the
/// same for INPUT_ names. Tests take names from here, never from our own code's idea of them.
/// </summary>
internal static class AgentEnvironment
{
    public static string ConvertToEnvVariableFormat(string value) => value.Replace('.', '_').Replace(' ', '_').ToUpperInvariant();

    public static string Input(string name) => "INPUT_" + ConvertToEnvVariableFormat(name);

    /// <summary>A token-scheme service connection with its auth parameters and data, as the agent puts it in a task's environment.</summary>
    public static Dictionary<string, string> Endpoint(Guid id, string url, IReadOnlyDictionary<string, string> authParameters, IReadOnlyDictionary<string, string> data)
    {
        var key = id.ToString();
        var env = new Dictionary<string, string>
        {
            [$"ENDPOINT_URL_{key}"] = url,
            [$"ENDPOINT_AUTH_{key}"] = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object> { ["parameters"] = authParameters, ["scheme"] = "Token" }),
            [$"ENDPOINT_AUTH_SCHEME_{key}"] = "Token",
            [$"ENDPOINT_DATA_{key}"] = System.Text.Json.JsonSerializer.Serialize(data),
        };
        foreach (var (name, value) in authParameters) env[$"ENDPOINT_AUTH_PARAMETER_{key}_{ConvertToEnvVariableFormat(name)}"] = value;
        foreach (var (name, value) in data) env[$"ENDPOINT_DATA_{key}_{ConvertToEnvVariableFormat(name)}"] = value;
        return env;
    }
}
