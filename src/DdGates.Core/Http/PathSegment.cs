namespace DdGates.Http;

/// <summary>
/// An id from a server or a file put into a request path: escaped, so it stays one segment. WARNING: "." and ".."
/// survive escaping and would climb out of the API path, so they (and empty ids) are refused.
/// </summary>
public static class PathSegment
{
    public static string Of(string id)
    {
        if (id.Length == 0 || id is "." or "..") throw new FormatException($"\"{id}\" cannot be an id");
        return Uri.EscapeDataString(id);
    }
}
