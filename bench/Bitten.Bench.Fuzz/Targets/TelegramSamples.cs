namespace Bitten.Bench.Fuzz.Targets;

/// <summary>Bot API answers and updates shaped as core.telegram.org/bots/api documents them (ids and names invented).</summary>
internal static class TelegramSamples
{
    private const string From = "\"from\":{\"id\":279058397,\"is_bot\":false,\"first_name\":\"Vladislav\",\"last_name\":\"Kibenko\",\"username\":\"vdkfrost\",\"language_code\":\"ru\"}";
    private const string Chat = "\"chat\":{\"id\":279058397,\"first_name\":\"Vladislav\",\"username\":\"vdkfrost\",\"type\":\"private\"}";

    private static readonly string[] Single =
    [
        $$$"""{"update_id":834512001,"message":{"message_id":17,{{{From}}},{{{Chat}}},"date":1757594096,"text":"/start link_01JF3M2C9V8K4Z6T0B1N2P3Q4R","entities":[{"offset":0,"length":6,"type":"bot_command"}]}}""",
        $$$"""{"update_id":834512002,"message":{"message_id":18,{{{From}}},{{{Chat}}},"date":1757594100,"text":"/stats@BittenBot week"}}""",
        $$$"""{"update_id":834512003,"callback_query":{"id":"4382bfdwdsb323b2d9","chat_instance":"-12345",{{{From}}},"message":{"message_id":19,{{{Chat}}},"date":1757594101,"text":"EURUSD BUY"},"data":"fire:01JF3M2C9V8K4Z6T0B1N2P3Q4R"}}""",
        $$$"""{"update_id":834512004,"edited_message":{"message_id":17,{{{From}}},{{{Chat}}},"date":1757594096,"edit_date":1757594200,"text":"hi"}}""",
        $$$"""{"update_id":834512005,"message":{"message_id":20,{{{From}}},"chat":{"id":-1001234567890,"title":"Group","type":"supergroup"},"date":1757594300,"photo":[{"file_id":"AgAD","file_unique_id":"AQAD","width":90,"height":90}]}}""",
        $$$$"""{"update_id":834512006,"my_chat_member":{"chat":{"id":279058397,"type":"private"},{{{{From}}}},"date":1757594400,"old_chat_member":{"status":"member"},"new_chat_member":{"status":"kicked"}}}""",
    ];

    public static readonly string[] Updates =
    [
        .. Single,
        "{\"ok\":true,\"result\":[" + string.Join(',', Single) + "]}",
        "{\"ok\":true,\"result\":[" + Single[0] + "," + Single[2] + "]}",
        "{\"ok\":true,\"result\":[]}",
        "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 3\",\"parameters\":{\"retry_after\":3}}",
        "{\"ok\":false,\"error_code\":409,\"description\":\"Conflict: can't use getUpdates method while webhook is active\"}",
    ];

    public static readonly string[] Tokens =
    [
        "\"ok\":true", "\"result\":", "\"update_id\":", "\"message\":", "\"callback_query\":", "\"message_id\":", "\"chat\":", "\"from\":", "\"id\":",
        "\"text\":", "\"data\":", "\"date\":", "\"fire:\"", "\"/start\"", "\"/fire@BittenBot 01JF3M2C9V8K4Z6T0B1N2P3Q4R\"", "\"fire:01JF3M2C9V8K4Z6T0B1N2P3Q4R\"",
        "\"is_bot\":true", "\"first_name\":", "null", "9007199254740993", "-1001234567890", "\"\\ud83d\\ude00\"", "\"\\ud800\"", "[", "]", "{", "}", ",",
    ];
}
