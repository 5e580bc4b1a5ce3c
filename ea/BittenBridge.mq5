//+------------------------------------------------------------------+
//| BittenBridge.mq5 — the BITTEN Expert Advisor (PROTOCOL.md v1)     |
//|                                                                  |
//| Connects a MetaTrader 5 terminal to a BITTEN server over ZeroMQ: |
//|   DEALER -> commands (5555), routing id = EaId: hello, heartbeat |
//|             in; fire, close, modify, close_all, ping, hello_ack  |
//|   PUSH   -> feed (5556): tick, symbols, heartbeat                |
//|   PUSH   -> reports (5558): confirmation, close_report, pong     |
//| ZeroMQ binding: dingmaotu/mql-zmq (Include/Zmq/Zmq.mqh with      |
//| libzmq.dll in MQL5/Libraries). Everything is non-blocking and    |
//| driven by OnTimer; nothing waits inside OnTick.                  |
//|                                                                  |
//| Written against the MQL5 reference; it could not be compiled in  |
//| the BITTEN build environment (no MetaEditor). Compile it once in |
//| MetaEditor and run it on a demo account first.                   |
//+------------------------------------------------------------------+
#property copyright "BITTEN"
#property version   "1.00"
#property strict

#include <Zmq/Zmq.mqh>
#include "BittenJson.mqh"

input string InpServer       = "127.0.0.1";   // BITTEN server address (through your tunnel or VPN)
input int    InpCommandPort  = 5555;          // commands (ROUTER on the server)
input int    InpFeedPort     = 5556;          // feed (PULL on the server)
input int    InpReportPort   = 5558;          // reports (PULL on the server)
input string InpEaId         = "";            // ea_id from /link in Telegram
input string InpEaToken      = "";            // ea_token from /link (shown once)
input string InpSymbolMap    = "EURUSD=EURUSD,GBPUSD=GBPUSD,USDJPY=USDJPY,USDCHF=USDCHF,AUDUSD=AUDUSD,USDCAD=USDCAD,NZDUSD=NZDUSD,EURJPY=EURJPY,GBPJPY=GBPJPY,XAUUSD=XAUUSD"; // canonical=broker,...
input bool   InpSendTicks    = true;          // stream ticks (only feed EAs listed on the server drive signals)
input int    InpTimerMs      = 50;            // command poll period
input long   InpMagic        = 20260105;      // magic number of BITTEN positions
input int    InpHeartbeatSec = 10;            // heartbeat period (PROTOCOL: 10 s)

#define FIRE_CACHE 1000
#define HELLO_RETRY_SEC 30
#define REPLAY_DAYS 7      // closing deals re-reported after each accepted hello
#define REPLAY_MAX 500

struct FireRecord
  {
   string            id;
   string            status;
   int               retcode;
   ulong             order;
   ulong             deal;
   ulong             position;
   double            price;
   double            volume;
   double            sl;
   double            tp;
   string            message;
  };

Context     g_ctx("bitten-bridge");   // outlives the sockets: they are deleted in OnDeinit
Socket     *g_cmd = NULL;
Socket     *g_feed = NULL;
Socket     *g_rep = NULL;
Socket     *g_mon = NULL;
string      g_canon[];
string      g_broker[];
long        g_lastTickMsc[];
FireRecord  g_fires[FIRE_CACHE];
int         g_fireNext = 0;
ulong       g_posIds[FIRE_CACHE];
string      g_posFires[FIRE_CACHE];
int         g_posNext = 0;
bool        g_acked = false;
datetime    g_lastHello = 0;
datetime    g_lastHeartbeat = 0;

//+------------------------------------------------------------------+
int OnInit()
  {
   if(StringLen(InpEaId)<3 || StringLen(InpEaToken)==0)
     {
      Print("BittenBridge: set InpEaId and InpEaToken (from /link in the BITTEN Telegram bot)");
      return INIT_PARAMETERS_INCORRECT;
     }
   if(!LoadSymbolMap(InpSymbolMap))
      return INIT_PARAMETERS_INCORRECT;

   g_cmd = new Socket(g_ctx, ZMQ_DEALER);
   g_feed = new Socket(g_ctx, ZMQ_PUSH);
   g_rep = new Socket(g_ctx, ZMQ_PUSH);
   g_cmd.setIdentity(InpEaId);
   g_cmd.setLinger(1000); g_feed.setLinger(0); g_rep.setLinger(2000);
   g_cmd.setReconnectInterval(500); g_cmd.setReconnectIntervalMax(10000);
   g_feed.setSendHighWaterMark(10000);
   // the monitor tells us when the command connection is (re)established: then we say hello again
   g_cmd.monitor("inproc://bitten-cmd-monitor", ZMQ_EVENT_CONNECTED);
   g_mon = new Socket(g_ctx, ZMQ_PAIR);
   g_mon.connect("inproc://bitten-cmd-monitor");

   if(!g_cmd.connect(Endpoint(InpCommandPort)) || !g_feed.connect(Endpoint(InpFeedPort)) || !g_rep.connect(Endpoint(InpReportPort)))
     {
      Print("BittenBridge: cannot connect to ", InpServer);
      return INIT_FAILED;
     }
   EventSetMillisecondTimer(MathMax(10, InpTimerMs));
   SendHello("start");
   SendSymbols();
   return INIT_SUCCEEDED;
  }

void OnDeinit(const int reason)
  {
   EventKillTimer();
   if(g_feed!=NULL)
      SendTo(g_feed, "{" + Head("disconnect") + "," + JStr("reason", "deinit " + IntegerToString(reason)) + "}");
   if(g_mon!=NULL) { delete g_mon; g_mon = NULL; }
   if(g_cmd!=NULL) { delete g_cmd; g_cmd = NULL; }
   if(g_feed!=NULL) { delete g_feed; g_feed = NULL; }
   if(g_rep!=NULL) { delete g_rep; g_rep = NULL; }
  }

void OnTimer()
  {
   PollMonitor();
   PollCommands();
   if(InpSendTicks) SendTicks();
   datetime now = TimeLocal();
   if(!g_acked && now - g_lastHello >= HELLO_RETRY_SEC) SendHello("no hello_ack");
   if(now - g_lastHeartbeat >= InpHeartbeatSec) SendHeartbeat();
  }

//+------------------------------------------------------------------+
//| Close reports: every closing deal of a BITTEN position            |
//+------------------------------------------------------------------+
void OnTradeTransaction(const MqlTradeTransaction &trans, const MqlTradeRequest &request, const MqlTradeResult &result)
  {
   if(trans.type != TRADE_TRANSACTION_DEAL_ADD || !HistoryDealSelect(trans.deal))
      return;
   if(ReportClosingDeal(trans.deal))
      g_lastHeartbeat = 0; // heartbeat at the next timer
  }

// Sends the close_report of one deal when it closes a BITTEN position; false for any other deal.
bool ReportClosingDeal(ulong deal)
  {
   long entry = HistoryDealGetInteger(deal, DEAL_ENTRY);
   if(entry != DEAL_ENTRY_OUT && entry != DEAL_ENTRY_OUT_BY)
      return false;
   ulong position = (ulong)HistoryDealGetInteger(deal, DEAL_POSITION_ID);
   string fireId = FireIdOfPosition(position); // selects the position's deals, this closing deal among them
   if(fireId == "")
      return false; // not a BITTEN position
   string reason = "manual";
   long why = HistoryDealGetInteger(deal, DEAL_REASON);
   if(why == DEAL_REASON_SL) reason = "sl";
   else if(why == DEAL_REASON_TP) reason = "tp";
   else if(why == DEAL_REASON_SO) reason = "stopout";
   else if(why == DEAL_REASON_EXPERT) reason = "server";
   int digits = (int)SymbolInfoInteger(HistoryDealGetString(deal, DEAL_SYMBOL), SYMBOL_DIGITS);
   string json = "{" + Head("close_report") + "," + JStr("fire_id", fireId) + "," + JInt("position", (long)position) + ","
                 + JNum("close_price", HistoryDealGetDouble(deal, DEAL_PRICE), digits) + ","
                 + JNum("volume", HistoryDealGetDouble(deal, DEAL_VOLUME), 2) + ","
                 + JNum("profit", HistoryDealGetDouble(deal, DEAL_PROFIT), 2) + ","
                 + JNum("commission", HistoryDealGetDouble(deal, DEAL_COMMISSION), 2) + ","
                 + JNum("swap", HistoryDealGetDouble(deal, DEAL_SWAP), 2) + ","
                 + JStr("reason", reason) + "," + JInt("ts_ms", (long)HistoryDealGetInteger(deal, DEAL_TIME_MSC) - (long)BrokerOffsetSeconds() * 1000) + "}"; // deal time, server→UTC
   SendTo(g_rep, json);
   return true;
  }

// After every accepted hello: the closing deals of the last REPLAY_DAYS days go out again as close_reports, so a close
// that happened while the server was down (or whose report was lost) is settled. The server ignores the ones it has.
void ReplayRecentCloses()
  {
   datetime to = TimeCurrent();
   if(!HistorySelect(to - REPLAY_DAYS * 86400, to + 60))
      return;
   ulong deals[];
   int n = 0;
   for(int i = HistoryDealsTotal() - 1; i >= 0 && n < REPLAY_MAX; i--)
     {
      ulong deal = HistoryDealGetTicket(i);
      long entry = HistoryDealGetInteger(deal, DEAL_ENTRY);
      if(entry != DEAL_ENTRY_OUT && entry != DEAL_ENTRY_OUT_BY) continue;
      ArrayResize(deals, n + 1);
      deals[n++] = deal; // copied first: ReportClosingDeal changes the history selection
     }
   int sent = 0;
   for(int k = n - 1; k >= 0; k--)
      if(HistoryDealSelect(deals[k]) && ReportClosingDeal(deals[k])) sent++;
   if(sent > 0) Print("BittenBridge: replayed ", sent, " close reports from the deal history");
  }

//+------------------------------------------------------------------+
//| Commands                                                          |
//+------------------------------------------------------------------+
void PollCommands()
  {
   for(int i = 0; i < 100; i++)
     {
      ZmqMsg msg;
      if(!g_cmd.recv(msg, true))
         return;
      string text = msg.getData();
      JsonObject cmd;
      if(!cmd.Parse(text))
        {
         Print("BittenBridge: ignored a malformed command (", StringLen(text), " chars)");
         continue;
        }
      string type = cmd.Str("type");
      if(type == "hello_ack") OnHelloAck(cmd);
      else if(type == "fire") OnFire(cmd);
      else if(type == "close") OnClose(cmd);
      else if(type == "modify") OnModify(cmd);
      else if(type == "close_all") OnCloseAll();
      else if(type == "ping") SendTo(g_rep, "{" + Head("pong") + "," + JStr("ping_id", cmd.Str("ping_id")) + "," + JInt("ts_ms", NowMs()) + "}");
      else Print("BittenBridge: ignored command type '", type, "'");
     }
  }

void OnHelloAck(JsonObject &cmd)
  {
   g_acked = cmd.Bool("ok");
   if(g_acked) { SendSymbols(); SendHeartbeat(); ReplayRecentCloses(); }
   else Print("BittenBridge: hello refused: ", cmd.Str("error"), " (check InpEaId / InpEaToken)");
  }

void OnFire(JsonObject &cmd)
  {
   FireRecord r;
   r.id = cmd.Str("fire_id");
   if(r.id == "") { Print("BittenBridge: fire without fire_id ignored"); return; }
   int cached = FindFire(r.id);
   if(cached >= 0) { SendConfirmation(g_fires[cached], "duplicate"); return; }

   r.status = "rejected"; r.retcode = TRADE_RETCODE_REJECT; r.order = 0; r.deal = 0; r.position = 0;
   r.price = 0; r.volume = 0; r.sl = cmd.Num("sl"); r.tp = cmd.Num("tp"); r.message = "";
   string symbol = BrokerSymbol(cmd.Str("symbol"), cmd.Str("broker_symbol"));
   string side = cmd.Str("side");
   long expires = cmd.Long("expires_ts_ms");
   MqlTick tick;
   if(expires > 0 && NowMs() > expires) r.message = "expired";
   else if(symbol == "" || !SymbolSelect(symbol, true)) { r.retcode = TRADE_RETCODE_INVALID; r.message = "unknown symbol"; }
   else if(side != "BUY" && side != "SELL") { r.retcode = TRADE_RETCODE_INVALID; r.message = "side must be BUY or SELL"; }
   else if(!SymbolInfoTick(symbol, tick)) { r.retcode = TRADE_RETCODE_PRICE_OFF; r.message = "no quote"; }
   else
      Execute(r, symbol, side == "BUY", cmd.Num("volume"), (int)cmd.Long("max_deviation_points", 20), tick);
   Remember(r);
   SendConfirmation(r, r.status);
  }

void Execute(FireRecord &r, string symbol, bool buy, double requested, int deviation, MqlTick &tick)
  {
   double step = SymbolInfoDouble(symbol, SYMBOL_VOLUME_STEP);
   double vmin = SymbolInfoDouble(symbol, SYMBOL_VOLUME_MIN);
   double vmax = SymbolInfoDouble(symbol, SYMBOL_VOLUME_MAX);
   double volume = step > 0 ? MathFloor(requested / step + 1e-9) * step : requested;
   volume = MathMin(volume, vmax);
   if(volume < vmin) { r.retcode = TRADE_RETCODE_INVALID_VOLUME; r.message = "volume below the symbol minimum"; return; }

   double point = SymbolInfoDouble(symbol, SYMBOL_POINT);
   int digits = (int)SymbolInfoInteger(symbol, SYMBOL_DIGITS);
   double minDistance = (double)SymbolInfoInteger(symbol, SYMBOL_TRADE_STOPS_LEVEL) * point;
   double price = buy ? tick.ask : tick.bid;
   double sl = NormalizeDouble(r.sl, digits), tp = NormalizeDouble(r.tp, digits);
   // never trade without the stop: a missing or wrong-side stop or target rejects the fire
   bool wrong = sl <= 0 || tp <= 0 || (buy ? (sl >= price - minDistance || tp <= price + minDistance)
                                           : (sl <= price + minDistance || tp >= price - minDistance));
   if(wrong) { r.retcode = TRADE_RETCODE_INVALID_STOPS; r.message = "sl/tp on the wrong side of the price or inside the stops level"; return; }

   MqlTradeRequest req;
   MqlTradeResult res;
   ZeroMemory(req);
   ZeroMemory(res);
   req.action = TRADE_ACTION_DEAL;
   req.symbol = symbol;
   req.volume = volume;
   req.type = buy ? ORDER_TYPE_BUY : ORDER_TYPE_SELL;
   req.price = price;
   req.sl = sl;
   req.tp = tp;
   req.deviation = (ulong)MathMax(0, deviation);
   req.magic = (ulong)InpMagic;
   req.comment = StringSubstr("B:" + r.id, 0, 31);
   req.type_filling = FillingFor(symbol);
   bool sent = OrderSend(req, res);
   r.retcode = (int)res.retcode;
   r.order = res.order;
   r.deal = res.deal;
   r.price = res.price;
   r.volume = res.volume;
   r.sl = sl; r.tp = tp;
   r.message = res.comment;
   if(sent && (res.retcode == TRADE_RETCODE_DONE || res.retcode == TRADE_RETCODE_DONE_PARTIAL || res.retcode == TRADE_RETCODE_PLACED))
     {
      r.status = "filled";
      if(res.deal > 0 && HistoryDealSelect(res.deal))
         r.position = (ulong)HistoryDealGetInteger(res.deal, DEAL_POSITION_ID);
      RememberPosition(r.position, r.id);
      g_lastHeartbeat = 0;
     }
  }

ENUM_ORDER_TYPE_FILLING FillingFor(string symbol)
  {
   long modes = SymbolInfoInteger(symbol, SYMBOL_FILLING_MODE);
   if((modes & SYMBOL_FILLING_FOK) == SYMBOL_FILLING_FOK) return ORDER_FILLING_FOK;
   if((modes & SYMBOL_FILLING_IOC) == SYMBOL_FILLING_IOC) return ORDER_FILLING_IOC;
   return ORDER_FILLING_RETURN;
  }

void OnClose(JsonObject &cmd)
  {
   ulong position = (ulong)cmd.Long("position");
   if(!PositionSelectByTicket(position)) { Print("BittenBridge: close of unknown position ", position); return; }
   string symbol = PositionGetString(POSITION_SYMBOL);
   double volume = PositionGetDouble(POSITION_VOLUME);
   if(cmd.Kind("volume") == JSON_NUMBER && cmd.Num("volume") > 0)
      volume = MathMin(volume, cmd.Num("volume"));
   ClosePosition(position, symbol, volume);
  }

void OnCloseAll()
  {
   for(int i = PositionsTotal() - 1; i >= 0; i--)
     {
      ulong ticket = PositionGetTicket(i);
      if(ticket == 0 || PositionGetInteger(POSITION_MAGIC) != InpMagic) continue;
      ClosePosition(ticket, PositionGetString(POSITION_SYMBOL), PositionGetDouble(POSITION_VOLUME));
     }
  }

void ClosePosition(ulong ticket, string symbol, double volume)
  {
   if(!PositionSelectByTicket(ticket)) return;
   bool buy = PositionGetInteger(POSITION_TYPE) == POSITION_TYPE_BUY;
   MqlTick tick;
   if(!SymbolInfoTick(symbol, tick)) return;
   MqlTradeRequest req;
   MqlTradeResult res;
   ZeroMemory(req);
   ZeroMemory(res);
   req.action = TRADE_ACTION_DEAL;
   req.position = ticket;
   req.symbol = symbol;
   req.volume = volume;
   req.type = buy ? ORDER_TYPE_SELL : ORDER_TYPE_BUY;
   req.price = buy ? tick.bid : tick.ask;
   req.deviation = 50;
   req.magic = (ulong)InpMagic;
   req.type_filling = FillingFor(symbol);
   if(!OrderSend(req, res))
      Print("BittenBridge: close of position ", ticket, " failed, retcode ", res.retcode);
   // the close report follows from OnTradeTransaction
  }

void OnModify(JsonObject &cmd)
  {
   ulong ticket = (ulong)cmd.Long("position");
   if(!PositionSelectByTicket(ticket)) { Print("BittenBridge: modify of unknown position ", ticket); return; }
   MqlTradeRequest req;
   MqlTradeResult res;
   ZeroMemory(req);
   ZeroMemory(res);
   string symbol = PositionGetString(POSITION_SYMBOL);
   int digits = (int)SymbolInfoInteger(symbol, SYMBOL_DIGITS);
   req.action = TRADE_ACTION_SLTP;
   req.position = ticket;
   req.symbol = symbol;
   req.sl = NormalizeDouble(cmd.Num("sl"), digits);
   req.tp = NormalizeDouble(cmd.Num("tp"), digits);
   req.magic = (ulong)InpMagic;
   if(req.sl <= 0 || req.tp <= 0) { Print("BittenBridge: modify without sl/tp refused"); return; }
   if(!OrderSend(req, res))
      Print("BittenBridge: modify of position ", ticket, " refused, retcode ", res.retcode);
   g_lastHeartbeat = 0;
  }

//+------------------------------------------------------------------+
//| Messages to the server                                            |
//+------------------------------------------------------------------+
void SendHello(string why)
  {
   string json = "{" + Head("hello") + "," + JInt("v", 1) + "," + JInt("account_login", AccountInfoInteger(ACCOUNT_LOGIN)) + ","
                 + JStr("broker", AccountInfoString(ACCOUNT_COMPANY)) + "," + JStr("server", AccountInfoString(ACCOUNT_SERVER)) + ","
                 + JStr("currency", AccountInfoString(ACCOUNT_CURRENCY)) + "," + JNum("balance", AccountInfoDouble(ACCOUNT_BALANCE), 2) + ","
                 + JNum("equity", AccountInfoDouble(ACCOUNT_EQUITY), 2) + "," + JInt("leverage", AccountInfoInteger(ACCOUNT_LEVERAGE)) + ","
                 + JInt("broker_utc_offset_s", BrokerOffsetSeconds()) + "," + JStr("ea_version", "BittenBridge/1.00") + "," + JInt("ts_ms", NowMs()) + "}";
   g_acked = false;
   g_lastHello = TimeLocal();
   SendTo(g_cmd, json);
   Print("BittenBridge: hello (", why, ")");
  }

void SendHeartbeat()
  {
   string positions = "";
   for(int i = 0; i < PositionsTotal(); i++)
     {
      ulong ticket = PositionGetTicket(i);
      if(ticket == 0 || PositionGetInteger(POSITION_MAGIC) != InpMagic) continue;
      string symbol = PositionGetString(POSITION_SYMBOL);
      int digits = (int)SymbolInfoInteger(symbol, SYMBOL_DIGITS);
      if(positions != "") positions += ",";
      positions += "{" + JInt("position", (long)ticket) + "," + JStr("fire_id", FireIdOfPosition(ticket)) + "," + JStr("symbol", CanonicalOf(symbol)) + ","
                   + JStr("side", PositionGetInteger(POSITION_TYPE) == POSITION_TYPE_BUY ? "BUY" : "SELL") + ","
                   + JNum("volume", PositionGetDouble(POSITION_VOLUME), 2) + "," + JNum("open_price", PositionGetDouble(POSITION_PRICE_OPEN), digits) + ","
                   + JNum("sl", PositionGetDouble(POSITION_SL), digits) + "," + JNum("tp", PositionGetDouble(POSITION_TP), digits) + ","
                   + JNum("profit", PositionGetDouble(POSITION_PROFIT), 2) + ","
                   + JInt("open_ts_ms", PositionGetInteger(POSITION_TIME_MSC) - (long)BrokerOffsetSeconds() * 1000) + "}";
     }
   string json = "{" + Head("heartbeat") + "," + JNum("balance", AccountInfoDouble(ACCOUNT_BALANCE), 2) + ","
                 + JNum("equity", AccountInfoDouble(ACCOUNT_EQUITY), 2) + "," + JNum("margin", AccountInfoDouble(ACCOUNT_MARGIN), 2) + ","
                 + JNum("free_margin", AccountInfoDouble(ACCOUNT_MARGIN_FREE), 2) + "," + JNum("margin_level", AccountInfoDouble(ACCOUNT_MARGIN_LEVEL), 2) + ","
                 + JStr("currency", AccountInfoString(ACCOUNT_CURRENCY)) + "," + JInt("broker_utc_offset_s", BrokerOffsetSeconds()) + ","
                 + "\"positions\":[" + positions + "]," + JInt("ts_ms", NowMs()) + "}";
   SendTo(g_cmd, json);
   SendTo(g_feed, json);
   g_lastHeartbeat = TimeLocal();
  }

void SendSymbols()
  {
   string list = "";
   for(int i = 0; i < ArraySize(g_canon); i++)
     {
      string s = g_broker[i];
      if(!SymbolSelect(s, true)) { Print("BittenBridge: symbol ", s, " is not in this terminal"); continue; }
      int digits = (int)SymbolInfoInteger(s, SYMBOL_DIGITS);
      if(list != "") list += ",";
      list += "{" + JStr("symbol", g_canon[i]) + "," + JStr("broker_symbol", s) + "," + JInt("digits", digits) + ","
              + JNum("point", SymbolInfoDouble(s, SYMBOL_POINT), digits) + "," + JNum("tick_size", SymbolInfoDouble(s, SYMBOL_TRADE_TICK_SIZE), digits) + ","
              + JNum("tick_value", SymbolInfoDouble(s, SYMBOL_TRADE_TICK_VALUE), 8) + "," + JNum("contract_size", SymbolInfoDouble(s, SYMBOL_TRADE_CONTRACT_SIZE), 2) + ","
              + JNum("volume_min", SymbolInfoDouble(s, SYMBOL_VOLUME_MIN), 2) + "," + JNum("volume_step", SymbolInfoDouble(s, SYMBOL_VOLUME_STEP), 2) + ","
              + JNum("volume_max", SymbolInfoDouble(s, SYMBOL_VOLUME_MAX), 2) + "," + JInt("stops_level_points", SymbolInfoInteger(s, SYMBOL_TRADE_STOPS_LEVEL)) + ","
              + JStr("currency_profit", SymbolInfoString(s, SYMBOL_CURRENCY_PROFIT)) + "," + JInt("filling_modes", SymbolInfoInteger(s, SYMBOL_FILLING_MODE)) + "}";
     }
   SendTo(g_feed, "{" + Head("symbols") + ",\"symbols\":[" + list + "]}");
  }

void SendTicks()
  {
   long offsetMs = (long)BrokerOffsetSeconds() * 1000;
   for(int i = 0; i < ArraySize(g_canon); i++)
     {
      MqlTick tick;
      if(!SymbolInfoTick(g_broker[i], tick) || tick.time_msc == g_lastTickMsc[i] || tick.bid <= 0) continue;
      g_lastTickMsc[i] = tick.time_msc;
      int digits = (int)SymbolInfoInteger(g_broker[i], SYMBOL_DIGITS);
      SendTo(g_feed, "{" + Head("tick") + "," + JStr("symbol", g_canon[i]) + "," + JNum("bid", tick.bid, digits) + ","
                     + JNum("ask", tick.ask, digits) + "," + JInt("ts_ms", tick.time_msc - offsetMs) + "}");
     }
  }

void SendConfirmation(FireRecord &r, string status)
  {
   int digits = 5;
   string json = "{" + Head("confirmation") + "," + JStr("fire_id", r.id) + "," + JStr("status", status) + "," + JInt("retcode", r.retcode) + ","
                 + JInt("order", (long)r.order) + "," + JInt("deal", (long)r.deal) + "," + JInt("position", (long)r.position) + ","
                 + JNum("price", r.price, digits) + "," + JNum("volume", r.volume, 2) + "," + JNum("sl", r.sl, digits) + "," + JNum("tp", r.tp, digits) + ","
                 + JStr("message", r.message) + "," + JInt("ts_ms", NowMs()) + "}";
   SendTo(g_rep, json);
  }

//+------------------------------------------------------------------+
//| Helpers                                                           |
//+------------------------------------------------------------------+
string Endpoint(int port) { return "tcp://" + InpServer + ":" + IntegerToString(port); }

string Head(string type) { return JStr("type", type) + "," + JStr("ea_id", InpEaId) + "," + JStr("ea_token", InpEaToken); }

void SendTo(Socket *socket, string json)
  {
   ZmqMsg msg(json);
   if(!socket.send(msg, true))
      Print("BittenBridge: send queue full or no connection; message dropped (", StringLen(json), " chars)");
  }

long NowMs() { return (long)TimeGMT() * 1000 + (long)(GetTickCount64() % 1000); }

int BrokerOffsetSeconds()
  {
   long raw = (long)(TimeTradeServer() - TimeGMT());
   return (int)(MathRound(raw / 900.0) * 900); // brokers are offset by whole quarter hours
  }

void PollMonitor()
  {
   for(int i = 0; i < 10; i++)
     {
      ZmqMsg event;
      if(!g_mon.recv(event, true)) return;
      uchar data[];
      event.getData(data);
      bool more = event.more();
      if(more) { ZmqMsg address; g_mon.recv(address, true); }
      if(ArraySize(data) >= 2 && (data[0] | (data[1] << 8)) == ZMQ_EVENT_CONNECTED)
         SendHello("connected");
     }
  }

bool LoadSymbolMap(string map)
  {
   string pairs[];
   int n = StringSplit(map, ',', pairs);
   ArrayResize(g_canon, 0); ArrayResize(g_broker, 0);
   for(int i = 0; i < n; i++)
     {
      string kv[];
      string pair = pairs[i];
      StringTrimLeft(pair); StringTrimRight(pair);
      if(pair == "") continue;
      if(StringSplit(pair, '=', kv) != 2) { Print("BittenBridge: InpSymbolMap entry '", pair, "' must be CANONICAL=BROKER"); return false; }
      int k = ArraySize(g_canon);
      ArrayResize(g_canon, k + 1); ArrayResize(g_broker, k + 1);
      g_canon[k] = kv[0]; g_broker[k] = kv[1];
      StringToUpper(g_canon[k]);
     }
   ArrayResize(g_lastTickMsc, ArraySize(g_canon));
   ArrayInitialize(g_lastTickMsc, 0);
   return ArraySize(g_canon) > 0;
  }

string BrokerSymbol(string canonical, string broker)
  {
   if(broker != "" && SymbolSelect(broker, true)) return broker;
   for(int i = 0; i < ArraySize(g_canon); i++) if(g_canon[i] == canonical) return g_broker[i];
   return "";
  }

string CanonicalOf(string broker)
  {
   for(int i = 0; i < ArraySize(g_broker); i++) if(g_broker[i] == broker) return g_canon[i];
   return broker;
  }

int FindFire(string id)
  {
   for(int i = 0; i < FIRE_CACHE; i++) if(g_fires[i].id == id) return i;
   return -1;
  }

void Remember(FireRecord &r)
  {
   g_fires[g_fireNext] = r;
   g_fireNext = (g_fireNext + 1) % FIRE_CACHE;
  }

void RememberPosition(ulong position, string fireId)
  {
   if(position == 0) return;
   g_posIds[g_posNext] = position;
   g_posFires[g_posNext] = fireId;
   g_posNext = (g_posNext + 1) % FIRE_CACHE;
  }

// The fire id of a position: from memory, else from its opening deal's comment "B:<fire_id>" (survives a restart).
string FireIdOfPosition(ulong position)
  {
   for(int i = 0; i < FIRE_CACHE; i++) if(g_posIds[i] == position && position != 0) return g_posFires[i];
   if(!HistorySelectByPosition(position)) return "";
   for(int i = 0; i < HistoryDealsTotal(); i++)
     {
      ulong deal = HistoryDealGetTicket(i);
      if(HistoryDealGetInteger(deal, DEAL_ENTRY) != DEAL_ENTRY_IN || HistoryDealGetInteger(deal, DEAL_MAGIC) != InpMagic) continue;
      string comment = HistoryDealGetString(deal, DEAL_COMMENT);
      if(StringFind(comment, "B:") == 0) return StringSubstr(comment, 2);
     }
   return "";
  }
//+------------------------------------------------------------------+
