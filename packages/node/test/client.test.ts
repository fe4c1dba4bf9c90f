import { Agent } from "undici";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import { Ideogram, IdeogramError } from "../src/index.ts";
import { API_KEY, captureDebugLog, clientFor, useEmulator } from "./helpers.ts";

const emulator = useEmulator();

/** The distinct Agents whose close() ran (undici's close re-enters itself with a callback). */
function closedAgents(spy: { mock: { contexts: unknown[] } }): Agent[] {
  return [...new Set(spy.mock.contexts as Agent[])];
}

describe("connection pool", () => {
  it("closes its own keep-alive Agent on close() and refuses further calls", async () => {
    const agentClose = vi.spyOn(Agent.prototype, "close");
    onTestFinished(() => agentClose.mockRestore());
    const client = new Ideogram({ apiKey: API_KEY, baseURL: emulator().url, env: {} });
    await client.generate({ prompt: "a fox" });
    await client.close();
    await client.close();

    expect(closedAgents(agentClose)).toEqual([expect.objectContaining({ closed: true, destroyed: true })]);
    await expect(client.generate({ prompt: "a fox" })).rejects.toThrow(IdeogramError);
    expect(emulator().requests).toHaveLength(1);
  });

  it("sends through a caller's dispatcher and leaves it open", async () => {
    const dispatcher = new Agent();
    onTestFinished(() => dispatcher.close());
    const client = clientFor(emulator(), { dispatcher });
    await client.generate({ prompt: "a fox" });
    await client.close();

    expect(dispatcher.closed).toBe(false);
    expect(Object.keys(dispatcher.stats)).toEqual([emulator().url]);
  });

  it("closes on scope exit with await using", async () => {
    const agentClose = vi.spyOn(Agent.prototype, "close");
    onTestFinished(() => agentClose.mockRestore());
    {
      await using client = new Ideogram({ apiKey: API_KEY, baseURL: emulator().url, env: {} });
      await client.generate({ prompt: "a fox" });
    }

    expect(closedAgents(agentClose)).toEqual([expect.objectContaining({ closed: true, destroyed: true })]);
  });
});

describe("IDEOGRAM_LOG=debug", () => {
  it("prints method, URL, status, attempt and timing to stderr, never the key", async () => {
    const lines: string[] = [];
    const stderr = vi
      .spyOn(process.stderr, "write")
      .mockImplementation((chunk) => lines.push(String(chunk)) > 0);
    onTestFinished(() => stderr.mockRestore());
    emulator().faults.next(1, "503");
    await clientFor(emulator(), { env: { IDEOGRAM_LOG: "debug" } }).generate({ prompt: "a fox" });
    stderr.mockRestore();

    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      new RegExp(
        `^\\[ideokit\\] POST ${emulator().url}/generate 503 attempt 1/3 \\d+ms, retrying in \\d+ms\\n$`,
      ),
    );
    expect(lines[1]).toMatch(
      new RegExp(`^\\[ideokit\\] POST ${emulator().url}/generate 200 attempt 2/3 \\d+ms\\n$`),
    );
    expect(lines.join("")).not.toContain(API_KEY);
  });

  it("leaves credentials in the base URL out of the log", async () => {
    const log = captureDebugLog();
    const withCredentials = emulator().url.replace("http://", "http://deploy:proxy-password@");
    await clientFor(emulator(), { baseURL: withCredentials, env: { IDEOGRAM_LOG: "debug" } }).generate({
      prompt: "a fox",
    });

    expect(log.lines).toEqual([
      expect.stringMatching(new RegExp(`^\\[ideokit\\] POST ${emulator().url}/generate 200 attempt 1/3 `)),
    ]);
    expect(log.lines.join("")).not.toContain("proxy-password");
  });

  it("stays silent otherwise", async () => {
    const stderr = vi.spyOn(process.stderr, "write");
    onTestFinished(() => stderr.mockRestore());
    await clientFor(emulator()).generate({ prompt: "a fox" });

    expect(stderr).not.toHaveBeenCalled();
  });
});
