using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Bitten.Modules.Signals.Persistence.Migrations;

/// <summary>Hand-written (EF Core Design is not obtainable); the schema-drift test guards it.</summary>
[DbContext(typeof(SignalsDbContext))]
[Migration("20261122000001_Initial")]
internal sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "bars",
            columns: table => new
            {
                symbol = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                timeframe = table.Column<int>(type: "INTEGER", nullable: false),
                open_time_ms = table.Column<long>(type: "INTEGER", nullable: false),
                open = table.Column<decimal>(type: "TEXT", nullable: false),
                high = table.Column<decimal>(type: "TEXT", nullable: false),
                low = table.Column<decimal>(type: "TEXT", nullable: false),
                close = table.Column<decimal>(type: "TEXT", nullable: false),
                tick_volume = table.Column<int>(type: "INTEGER", nullable: false),
                mean_spread = table.Column<decimal>(type: "TEXT", nullable: false),
                after_gap = table.Column<bool>(type: "INTEGER", nullable: false)
            },
            constraints: table => table.PrimaryKey("PK_bars", x => new { x.symbol, x.timeframe, x.open_time_ms }));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "bars");
    }
}
