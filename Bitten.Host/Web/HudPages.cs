using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Bitten.Host.Web;

/// <summary>
/// The web HUD: static pages and ES modules from <c>wwwroot/</c>, no build step. Clean paths (<c>/hud</c>,
/// <c>/me</c>, …) serve the matching <c>.html</c>; the data behind each page comes from the JSON API, which
/// enforces who may see it. A content security policy keeps every page on this server: no request to
/// another host can be made, whatever a page's script tries.
/// </summary>
internal static class HudPages
{
    /// <summary>The pages, by clean path; each is <c>wwwroot/&lt;name&gt;.html</c>.</summary>
    public static readonly IReadOnlyList<string> Names = ["hud", "me", "notebook", "tracking", "throne", "login"];

    /// <summary>Sent with every page: scripts, styles, images and connections from this origin only.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; " +
        "frame-ancestors 'self' https://web.telegram.org https://*.telegram.org";

    public static WebApplication UseHudPages(this WebApplication app)
    {
        var provider = new FileExtensionContentTypeProvider();
        provider.Mappings[".mjs"] = "text/javascript";
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = provider,
            OnPrepareResponse = context => Secure(context.Context.Response, context.File.Name),
        });

        foreach (var name in Names)
        {
            app.MapGet("/" + name, (IWebHostEnvironment environment, HttpContext http) => Page(environment.WebRootFileProvider, name, http))
                .AllowAnonymous()
                .ExcludeFromDescription();
        }

        app.MapGet("/", () => Results.Redirect("/me")).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static IResult Page(IFileProvider files, string name, HttpContext http)
    {
        var file = files.GetFileInfo(name + ".html");
        if (!file.Exists || file.PhysicalPath is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Page missing",
                detail: $"wwwroot/{name}.html is not deployed with this server.");
        }

        Secure(http.Response, file.Name);
        return Results.File(file.PhysicalPath, "text/html; charset=utf-8");
    }

    private static void Secure(HttpResponse response, string fileName)
    {
        var headers = response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        if (fileName.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.CacheControl = "no-cache";
        }
    }
}
