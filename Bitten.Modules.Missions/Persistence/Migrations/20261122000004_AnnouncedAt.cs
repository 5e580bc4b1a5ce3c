using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Bitten.Modules.Missions.Persistence.Migrations;

/// <summary>
/// <c>announced_at_ms</c>: the mission row doubles as the outbox of its <c>MissionCreated</c>. Rows that exist
/// before this migration were announced by the code that stored them, so they are marked announced.
/// </summary>
[DbContext(typeof(MissionsDbContext))]
[Migration("20261122000004_AnnouncedAt")]
internal sealed class AnnouncedAt : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<long>(name: "announced_at_ms", table: "missions", type: "INTEGER", nullable: true);
        migrationBuilder.Sql("UPDATE missions SET announced_at_ms = created_at_ms;");
        migrationBuilder.CreateIndex(name: "ix_missions_unannounced", table: "missions", column: "created_at_ms", filter: "announced_at_ms IS NULL");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "ix_missions_unannounced", table: "missions");
        migrationBuilder.DropColumn(name: "announced_at_ms", table: "missions");
    }
}
