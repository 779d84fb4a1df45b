namespace DdGates;

/// <summary>"1 gate", "3 gates": counts as every output spells them.</summary>
public static class Plural
{
    public static string Of(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";

    public static string Of(long n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";
}
