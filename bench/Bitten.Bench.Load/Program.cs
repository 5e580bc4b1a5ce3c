using Bitten.Bench.Load;

// System load run and soak (issue #13): writes bench/results/load.json or soak.json.
//   dotnet run -c Release --project bench/Bitten.Bench.Load                      # full load, 3 minutes measured
//   dotnet run -c Release --project bench/Bitten.Bench.Load -- --soak            # a quarter of the load for 30 minutes
//   dotnet run -c Release --project bench/Bitten.Bench.Load -- --users 200 --eas 20 --minutes 1   # a small run
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 64;
}

if (args.Contains("--help"))
{
    Console.WriteLine(LoadOptions.Usage);
    return 0;
}

return await new LoadRun(options).RunAsync();
