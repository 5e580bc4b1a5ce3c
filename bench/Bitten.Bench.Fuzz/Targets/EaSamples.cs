namespace Bitten.Bench.Fuzz.Targets;

/// <summary>EA messages as PROTOCOL.md shows them (version 1 and the original EA's upper-case forms).</summary>
internal static class EaSamples
{
    private const string Creds = "\"ea_id\":\"ea-7\",\"ea_token\":\"tok-7f3a9c\"";

    public static readonly string[] Feed =
    [
        $$"""{"type":"tick",{{Creds}},"symbol":"EURUSD","bid":1.08123,"ask":1.08125,"ts_ms":1757594096789}""",
        """{"type":"TICK","symbol":"EURUSD","bid":1.09875,"ask":1.09895,"time":"2025.09.11 12:34:56.789"}""",
        $$"""{"type":"TICK",{{Creds}},"symbol":"XAUUSD","bid":2501.5,"ask":2501.9,"timestamp":"2025.09.11 12:34:56"}""",
        $$"""{"type":"bar",{{Creds}},"symbol":"GBPUSD","tf":"M5","open_ts_ms":1757594100000,"open":1.3512,"high":1.3519,"low":1.3508,"close":1.3515,"tick_volume":412}""",
        $$"""{"type":"symbols",{{Creds}},"symbols":[{"symbol":"EURUSD","broker_symbol":"EURUSD.m","digits":5,"point":0.00001,"tick_size":0.00001,"tick_value":1,"contract_size":100000,"volume_min":0.01,"volume_step":0.01,"volume_max":100,"stops_level_points":10,"currency_profit":"USD","filling_modes":3}]}""",
        $$"""{"type":"heartbeat",{{Creds}},"balance":10000.5,"equity":10012.25,"margin":120.4,"free_margin":9891.85,"margin_level":8315.8,"currency":"USD","broker_utc_offset_s":7200,"positions":[{"position":5551234,"fire_id":"01JF3M2C9V8K4Z6T0B1N2P3Q4R","symbol":"EURUSD","side":"BUY","volume":0.1,"open_price":1.0811,"sl":1.079,"tp":1.085,"profit":12.3,"open_ts_ms":1757590000000}],"ts_ms":1757594096789}""",
        $$"""{"type":"HEARTBEAT",{{Creds}},"balance":10000,"equity":10000,"margin":0,"free_margin":10000,"margin_level":null,"currency":"USD","positions":[],"ts_ms":0}""",
        $$"""{"type":"disconnect",{{Creds}},"reason":"terminal closing"}""",
    ];

    public static readonly string[] Execution =
    [
        $$"""{"type":"hello","v":1,{{Creds}},"account_login":"51234567","broker":"IC Markets","server":"ICMarketsSC-Demo","currency":"USD","balance":10000,"equity":10000,"leverage":500,"broker_utc_offset_s":7200,"ea_version":"1.4.0","ts_ms":1757594096789}""",
        $$"""{"type":"heartbeat",{{Creds}},"balance":10000.5,"equity":10012.25,"margin":120.4,"free_margin":9891.85,"margin_level":8315.8,"currency":"USD","positions":[{"position":5551234,"fire_id":"01JF3M2C9V8K4Z6T0B1N2P3Q4R","symbol":"EURUSD","side":"BUY","volume":0.1,"open_price":1.0811,"sl":1.079,"tp":1.085,"profit":12.3,"open_ts_ms":1757590000000}],"ts_ms":1757594096789}""",
        $$"""{"type":"HEARTBEAT",{{Creds}},"account_balance":"10000.00","account_equity":"9990.10","positions":[{"ticket":"77","position":"5551234","type":"SELL","symbol":"GBPUSD","volume":"0.2"}]}""",
        $$"""{"type":"confirmation",{{Creds}},"fire_id":"01JF3M2C9V8K4Z6T0B1N2P3Q4R","status":"filled","retcode":10009,"order":9001,"deal":9002,"position":5551234,"price":1.0811,"volume":0.1,"sl":1.079,"tp":1.085,"message":"done","ts_ms":1757594096900}""",
        $$"""{"type":"confirmation",{{Creds}},"fire_id":"01JF3M2C9V8K4Z6T0B1N2P3Q4R","status":"success","ticket":"5551234","price":"1.08110","volume":"0.10","retcode":"10009"}""",
        $$"""{"type":"confirmation",{{Creds}},"fire_id":"01JF3M2C9V8K4Z6T0B1N2P3Q4R","status":"rejected","retcode":10016,"message":"Invalid stops"}""",
        $$"""{"type":"close_report",{{Creds}},"fire_id":"01JF3M2C9V8K4Z6T0B1N2P3Q4R","position":5551234,"close_price":1.085,"volume":0.1,"profit":39.0,"commission":-0.7,"swap":-0.12,"reason":"tp","ts_ms":1757600000000}""",
        $$"""{"type":"pong",{{Creds}},"ping_id":"p-42","ts_ms":1757594096789}""",
    ];

    public static readonly string[] Tokens =
    [
        "\"type\"", "\"tick\"", "\"TICK\"", "\"bar\"", "\"symbols\"", "\"heartbeat\"", "\"HEARTBEAT\"", "\"disconnect\"", "\"hello\"",
        "\"confirmation\"", "\"close_report\"", "\"pong\"", "\"ea_id\"", "\"ea_token\"", "\"symbol\"", "\"bid\"", "\"ask\"", "\"ts_ms\"",
        "\"time\"", "\"timestamp\"", "\"positions\"", "\"position\"", "\"ticket\"", "\"side\"", "\"status\"", "\"filled\"", "\"success\"",
        "\"duplicate\"", "\"rejected\"", "\"profit\"", "\"commission\"", "\"swap\"", "\"close_price\"", "\"balance\"", "\"equity\"",
        "\"account_balance\"", "\"broker_utc_offset_s\"", "\"tf\"", "\"M1\"", "\"H1\"", "\"digits\"", "\"retcode\"", "\"fire_id\"",
        "\"EURUSD\"", "\"BUY\"", "\"SELL\"", "\"2025.09.11 12:34:56.789\"", "\"2024.02.29 23:59:59\"", ":", ",", "{", "}", "[", "]",
        "\"\\ud800\"", "\"\\u0000\"", "\"\\uDFFF\\uD800\"", "1757594096789", "-1757594096789", "[1,2,3]", "{\"a\":[{}]}",
    ];
}
