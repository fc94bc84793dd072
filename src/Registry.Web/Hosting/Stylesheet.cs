using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Registry.Web.Hosting;

/// <summary>The one hand-written stylesheet, served from the assembly with a content hash in its URL so it is cached for good.</summary>
public static class Stylesheet
{
    public const string Path = "/assets/site.css";

    private static readonly byte[] Content = Load();

    public static readonly string Version = Convert.ToHexStringLower(SHA256.HashData(Content))[..12];

    public static string Url => $"{Path}?v={Version}";

    public static IResult Serve(HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        context.Response.Headers.ETag = $"\"{Version}\"";
        return Results.Bytes(Content, "text/css; charset=utf-8");
    }

    private static byte[] Load()
    {
        using var stream = typeof(Stylesheet).Assembly.GetManifestResourceStream("Registry.Web.site.css")
            ?? throw new InvalidOperationException("The stylesheet is not embedded in Registry.Web.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
