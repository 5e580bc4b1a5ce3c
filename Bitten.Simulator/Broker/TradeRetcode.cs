namespace Bitten.Simulator.Broker;

/// <summary>The MT5 trade server return codes the paper broker answers with (MQL5 TRADE_RETCODE_*).</summary>
internal static class TradeRetcode
{
    public const int Rejected = 10006;
    public const int Done = 10009;
    public const int Invalid = 10013;
    public const int InvalidVolume = 10014;
    public const int InvalidStops = 10016;
    public const int MarketClosed = 10018;
    public const int NoMoney = 10019;
    public const int PriceOff = 10021;
    public const int PositionClosed = 10036;
}
