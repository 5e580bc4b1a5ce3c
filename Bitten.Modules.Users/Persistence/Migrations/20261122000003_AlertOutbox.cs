using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Bitten.Modules.Users.Persistence.Migrations;

/// <summary>The alert outbox (hand-written; the schema-drift test guards it).</summary>
[DbContext(typeof(UsersDbContext))]
[Migration("20261122000003_AlertOutbox")]
internal sealed class AlertOutbox : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "alert_outbox",
            columns: table => new
            {
                id = table.Column<long>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                user_id = table.Column<long>(type: "INTEGER", nullable: false),
                chat_id = table.Column<long>(type: "INTEGER", nullable: false),
                kind = table.Column<int>(type: "INTEGER", nullable: false),
                dedupe_key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                html = table.Column<string>(type: "TEXT", maxLength: 4096, nullable: false),
                keyboard_json = table.Column<string>(type: "TEXT", nullable: true),
                silent = table.Column<bool>(type: "INTEGER", nullable: false),
                status = table.Column<int>(type: "INTEGER", nullable: false),
                attempts = table.Column<int>(type: "INTEGER", nullable: false),
                created_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                next_attempt_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                sent_at_ms = table.Column<long>(type: "INTEGER", nullable: true),
                telegram_message_id = table.Column<long>(type: "INTEGER", nullable: true),
                last_error = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_alert_outbox", x => x.id);
                table.ForeignKey("fk_alert_outbox_user", x => x.user_id, "users", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "ix_alert_outbox_user_dedupe", table: "alert_outbox", columns: ["user_id", "dedupe_key"], unique: true);
        migrationBuilder.CreateIndex(name: "ix_alert_outbox_due", table: "alert_outbox", columns: ["status", "next_attempt_at_ms"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "alert_outbox");
    }
}
