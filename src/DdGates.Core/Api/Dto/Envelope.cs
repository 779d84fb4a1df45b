namespace DdGates.Api.Dto;

/// <summary>The JSON:API document wrapper: <c>{"data": ...}</c>.</summary>
public sealed class Envelope<T>
{
    public T? Data { get; set; }
}
