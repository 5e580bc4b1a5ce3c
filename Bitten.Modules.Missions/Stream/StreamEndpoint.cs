using System.Globalization;
using Bitten.Modules.Missions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Bitten.Modules.Missions.Stream;

/// <summary>
/// <c>GET /api/stream</c>: the signed-in user's live mission events as Server-Sent Events. Resumes after
/// <c>Last-Event-ID</c> (header, or <c>last_event_id</c> query for the first connection). An idle connection
/// costs one small queue and one pending async read, no thread.
/// </summary>
internal static class StreamEndpoint
{
    public static async Task<IResult> StreamAsync(HttpContext context, MissionStreamHub hub)
    {
        if (CurrentUser.Id(context.User) is not { } userId)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in", detail: "The token carries no user id.");
        }

        var lastText = context.Request.Headers["Last-Event-ID"].FirstOrDefault() ?? context.Request.Query["last_event_id"].FirstOrDefault();
        long? lastEventId = null;
        if (!string.IsNullOrEmpty(lastText))
        {
            if (!long.TryParse(lastText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid Last-Event-ID",
                    detail: "'Last-Event-ID' must be the numeric id of an event this stream sent.", extensions: new Dictionary<string, object?> { ["parameter"] = "Last-Event-ID" });
            }

            lastEventId = parsed;
        }

        var (client, refusal) = hub.Subscribe(userId, lastEventId);
        if (client is null)
        {
            return refusal == SubscribeRefusal.TooManyForUser
                ? Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many streams", detail: "Close another tab's live stream first.")
                : Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Stream capacity reached", detail: "The server holds as many live streams as it is configured for; retry shortly.");
        }

        try
        {
            var response = context.Response;
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache";
            response.Headers["X-Accel-Buffering"] = "no";
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            var cancellationToken = context.RequestAborted;
            var reader = client.Reader;
            while (await reader.WaitToReadAsync(cancellationToken))
            {
                while (reader.TryRead(out var frame))
                {
                    await response.Body.WriteAsync(frame, cancellationToken);
                }

                await response.Body.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // the client went away
        }
        catch (IOException)
        {
            // the connection broke while writing
        }
        finally
        {
            hub.Unsubscribe(client);
        }

        return Results.Empty;
    }
}
