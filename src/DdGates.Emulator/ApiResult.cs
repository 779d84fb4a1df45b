using System.Text.Json.Nodes;

namespace DdGates.Emulator;

/// <summary>What a handler answers: a status and an optional JSON body (JSON:API's media type unless told: the v1 monitor API says application/json).</summary>
internal sealed record ApiResult(int Status, JsonNode? Body, string ContentType = Wire.ContentType)
{
    public static ApiResult Ok(JsonNode body) => new(200, body);

    public static ApiResult BadRequest(string detail) => new(400, Wire.Error(400, detail));

    public static ApiResult NotFound(string detail) => new(404, Wire.Error(404, detail));

    public static readonly ApiResult NoContent = new(204, null);

    public async Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = Status;
        if (Body is null) return;
        context.Response.ContentType = ContentType;
        await context.Response.WriteAsync(Body.ToJsonString());
    }
}
