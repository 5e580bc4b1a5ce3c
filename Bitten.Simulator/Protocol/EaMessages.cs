using System.Buffers;
using System.Text.Json;
using Bitten.Contracts.Execution;
using Bitten.Simulator.Broker;
using Bitten.Simulator.Market;

namespace Bitten.Simulator.Protocol;

/// <summary>Writes the EA → server messages of PROTOCOL.md as UTF-8 JSON, with the EA's credentials.</summary>
internal sealed class EaMessages(string eaId, string eaToken, string brokerSuffix)
{
    public string EaId => eaId;

    public byte[] Hello(AccountSnapshot account, int leverage, long tsMs) => Write(w =>
    {
        Head(w, "hello");
        w.WriteNumber("v", 1);
        w.WriteNumber("account_login", 90_000_001);
        w.WriteString("broker", "BITTEN Paper");
        w.WriteString("server", "BITTEN-Simulator");
        w.WriteString("currency", account.Currency);
        w.WriteNumber("balance", account.Balance);
        w.WriteNumber("equity", account.Equity);
        w.WriteNumber("leverage", leverage);
        w.WriteNumber("broker_utc_offset_s", 0);
        w.WriteString("ea_version", "bitten-sim/1.0");
        w.WriteNumber("ts_ms", tsMs);
    });

    public byte[] Heartbeat(AccountSnapshot account, long tsMs) => Write(w =>
    {
        Head(w, "heartbeat");
        w.WriteNumber("balance", account.Balance);
        w.WriteNumber("equity", account.Equity);
        w.WriteNumber("margin", account.Margin);
        w.WriteNumber("free_margin", account.FreeMargin);
        if (account.MarginLevel is { } level)
        {
            w.WriteNumber("margin_level", level);
        }
        else
        {
            w.WriteNull("margin_level");
        }

        w.WriteString("currency", account.Currency);
        w.WriteNumber("broker_utc_offset_s", 0);
        w.WriteStartArray("positions");
        foreach (var p in account.Positions)
        {
            w.WriteStartObject();
            w.WriteNumber("position", p.Position);
            w.WriteString("fire_id", p.FireId);
            w.WriteString("symbol", p.Symbol);
            w.WriteString("side", p.Side);
            w.WriteNumber("volume", p.Volume);
            w.WriteNumber("open_price", p.OpenPrice);
            w.WriteNumber("sl", p.Sl);
            w.WriteNumber("tp", p.Tp);
            w.WriteNumber("profit", p.Profit);
            w.WriteNumber("open_ts_ms", p.OpenTsMs);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("ts_ms", tsMs);
    });

    public byte[] Symbols(PaperBroker broker) => Write(w =>
    {
        Head(w, "symbols");
        w.WriteStartArray("symbols");
        foreach (var p in broker.Settings.Symbols)
        {
            var point = (decimal)p.Point;
            w.WriteStartObject();
            w.WriteString("symbol", p.Symbol);
            w.WriteString("broker_symbol", p.Symbol + brokerSuffix);
            w.WriteNumber("digits", p.Digits);
            w.WriteNumber("point", point);
            w.WriteNumber("tick_size", point);
            w.WriteNumber("tick_value", broker.TickValue(p.Symbol));
            w.WriteNumber("contract_size", (decimal)p.ContractSize);
            w.WriteNumber("volume_min", broker.Settings.VolumeMin);
            w.WriteNumber("volume_step", broker.Settings.VolumeStep);
            w.WriteNumber("volume_max", broker.Settings.VolumeMax);
            w.WriteNumber("stops_level_points", broker.Settings.StopsLevelPoints);
            w.WriteString("currency_profit", p.ProfitCurrency);
            w.WriteNumber("filling_modes", 3); // SYMBOL_FILLING_FOK | SYMBOL_FILLING_IOC
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    public byte[] Tick(SymbolProfile symbol, SimTick tick) => Write(w =>
    {
        Head(w, "tick");
        w.WriteString("symbol", symbol.Symbol);
        w.WriteNumber("bid", tick.Bid);
        w.WriteNumber("ask", tick.Ask);
        w.WriteNumber("ts_ms", tick.TsMs);
    });

    public byte[] Confirmation(FireResult r, long tsMs) => Write(w =>
    {
        Head(w, "confirmation");
        w.WriteString("fire_id", r.FireId);
        w.WriteString("status", r.Status switch { FireStatus.Filled => "filled", FireStatus.Duplicate => "duplicate", _ => "rejected" });
        w.WriteNumber("retcode", r.Retcode);
        w.WriteNumber("order", r.Order);
        w.WriteNumber("deal", r.Deal);
        w.WriteNumber("position", r.Position);
        w.WriteNumber("price", r.Price);
        w.WriteNumber("volume", r.Volume);
        w.WriteNumber("sl", r.Sl);
        w.WriteNumber("tp", r.Tp);
        w.WriteString("message", r.Message);
        w.WriteNumber("ts_ms", tsMs);
    });

    public byte[] CloseReport(CloseReport r) => Write(w =>
    {
        Head(w, "close_report");
        w.WriteString("fire_id", r.FireId);
        w.WriteNumber("position", r.Position);
        w.WriteNumber("close_price", r.ClosePrice);
        w.WriteNumber("volume", r.Volume);
        w.WriteNumber("profit", r.Profit);
        w.WriteNumber("commission", r.Commission);
        w.WriteNumber("swap", r.Swap);
        w.WriteString("reason", ReasonText(r.Reason));
        w.WriteNumber("ts_ms", r.TsMs);
    });

    public byte[] Pong(string pingId, long tsMs) => Write(w =>
    {
        Head(w, "pong");
        w.WriteString("ping_id", pingId);
        w.WriteNumber("ts_ms", tsMs);
    });

    public static string ReasonText(CloseReason reason) => reason switch
    {
        CloseReason.TakeProfit => "tp",
        CloseReason.StopLoss => "sl",
        CloseReason.Manual => "manual",
        CloseReason.StopOut => "stopout",
        CloseReason.Expired => "expired",
        _ => "server",
    };

    private void Head(Utf8JsonWriter w, string type)
    {
        w.WriteString("type", type);
        w.WriteString("ea_id", eaId);
        w.WriteString("ea_token", eaToken);
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
