using System.Net;
using System.Text.Json;
using Bitten.Contracts.Signals;
using Bitten.Host.Tests.Infrastructure;
using Bitten.Modules.Signals.Ml;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Host.Tests.Ml;

public sealed class MlApiTests : IDisposable
{
    private readonly BittenAppFactory _factory = new BittenAppFactory().WithTelegram();

    [Fact]
    public async Task Models_WhenNotSignedIn_Answer401()
    {
        using var client = _factory.CreateClient();

        (await client.GetAsync(new Uri("/api/ml/models", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.GetAsync(new Uri("/api/ml/models/gbdt-x", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Models_AfterTrainingFromABacktestFile_ListTheCurrentModelWithItsCalibrationTable()
    {
        using var client = await _factory.CreateClient().SignInAsync(1201);
        using (var empty = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/ml/models", UriKind.Relative))))
        {
            empty.RootElement.GetProperty("current").ValueKind.ShouldBe(JsonValueKind.Null);
            empty.RootElement.GetProperty("models").GetArrayLength().ShouldBe(0);
        }

        var file = _factory.Directory.Combine("backtest-rows.jsonl");
        WriteRows(file, 800);
        WinModelCommandResult result;
        using (var scope = _factory.Services.CreateScope())
        {
            result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new TrainWinModel(file));
        }

        result.Ok.ShouldBeTrue(result.Message);
        result.Promoted.ShouldBeTrue();
        _factory.Services.GetRequiredService<LiveWinModel>().Current!.Version.ShouldBe(result.Version, "the running engine scores with the promoted model at once");

        using var list = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/ml/models", UriKind.Relative)));
        list.RootElement.GetProperty("current").GetString().ShouldBe(result.Version);
        var model = list.RootElement.GetProperty("models")[0];
        model.GetProperty("status").GetString().ShouldBe("current");
        model.GetProperty("rows").GetProperty("held_out").GetInt32().ShouldBe(160);
        model.GetProperty("held_out").GetProperty("auc").GetDouble().ShouldBeGreaterThan(0.6);

        using var detail = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/ml/models/{result.Version}", UriKind.Relative)));
        detail.RootElement.GetProperty("calibration").GetArrayLength().ShouldBe(10);
        detail.RootElement.GetProperty("calibration")[0].GetProperty("observed_win_rate").GetDouble().ShouldBeInRange(0, 1);
        detail.RootElement.GetProperty("schema").GetProperty("features").GetArrayLength().ShouldBe(FeatureSchema.NumericNames.Length + 2);
        detail.RootElement.TryGetProperty("blob", out _).ShouldBeFalse();
        (await client.GetAsync(new Uri("/api/ml/models/gbdt-unknown", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    public void Dispose() => _factory.Dispose();

    internal static void WriteRows(string path, int count)
    {
        var rng = new SplitMix64(99);
        using var writer = new StreamWriter(path);
        for (var i = 0; i < count; i++)
        {
            var tcs = 65 + (30 * rng.NextDouble());
            var alignment = rng.NextInt(3) - 1;
            var features = new Dictionary<string, double> { ["tcs"] = tcs, ["m15_alignment"] = alignment, ["rsi"] = 20 + (60 * rng.NextDouble()) };
            var win = rng.NextDouble() < 1 / (1 + Math.Exp(-((0.12 * (tcs - 80)) + alignment)));
            TrainingFile.Write(writer, $"S{i:D6}", 1_760_000_000_000 + (i * 60_000L), "EURUSD", i % 2 == 0 ? "ORDER_BLOCK_BOUNCE" : "MOMENTUM_BURST", win ? "WIN" : "LOSS", features);
        }
    }
}
