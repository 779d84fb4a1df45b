namespace DdGates.Config;

/// <summary>YAML 1.2 core-schema booleans, the set @actions/core's getBooleanInput also accepts: true, True, TRUE and the three falses.</summary>
public static class YamlBool
{
    public static bool TryParse(string? text, out bool value)
    {
        value = text is "true" or "True" or "TRUE";
        return value || text is "false" or "False" or "FALSE";
    }
}
