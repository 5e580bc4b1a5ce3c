using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Users.Telegram;

/// <summary>Registers the Bot API client as a typed HttpClient without the factory's request logging (the URL path holds the token).</summary>
internal static class TelegramRegistration
{
    public static IServiceCollection AddTelegramBotClient(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<TelegramMetrics>();
        services.AddHttpClient<TelegramBotClient>().RemoveAllLoggers();
        return services;
    }
}
