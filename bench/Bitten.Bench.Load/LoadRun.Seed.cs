namespace Bitten.Bench.Load;

internal sealed partial class LoadRun
{
    /// <summary>
    /// Users sign in as a Mini App does (initData signed with the bot token: the account is created on first sign-in);
    /// user 0 is the admin (Auth:AdminTelegramIds). The first <c>eas</c> users link a terminal (POST /api/me/eas, which
    /// issues the ea_id and its token) and the admin gives them a tier that may fire live (PUT /api/admin/users/{id}/tier).
    /// </summary>
    private async Task SeedAsync(Api client, HostPorts ports)
    {
        var signed = new SeededUser[options.Users];
        signed[0] = await client.SignInAsync(0, TelegramId(0), needUserId: true);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 16 };
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(1, options.Users - 1), parallel, async (i, _) =>
        {
            signed[i] = await client.SignInAsync(i, TelegramId(i), needUserId: i < options.Eas); // the admin needs the EA owners' ids
            if (Interlocked.Increment(ref done) % 1000 == 0)
            {
                Console.WriteLine($"  {done + 1} users signed in");
            }
        });
        _users.AddRange(signed);
        await Parallel.ForEachAsync(_users.Take(options.Eas), parallel, async (user, _) =>
        {
            var (eaId, token) = await client.LinkEaAsync(user);
            user.Ea = new EaClient(eaId, token, ports, _recorder);
            await client.SetTierAsync(Admin, user.UserId, "FANG_PLUS");
        });
    }
}
