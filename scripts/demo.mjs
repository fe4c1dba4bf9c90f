// `npm run demo`: the whole flow on the embedded emulator, with no key and no network. Starts
// @ideokit/testing on loopback, generates through @ideokit/node and saves the images to disk.
import { resolve } from "node:path";
import { generateAndSave, Ideogram } from "@ideokit/node";
import { startEmulator } from "@ideokit/testing/node";

const outDir = resolve(process.env.INIT_CWD ?? process.cwd(), "ideokit-out");
const emulator = await startEmulator();
const client = new Ideogram({ apiKey: emulator.apiKey, baseURL: emulator.url });
console.log(`emulator (offline Ideogram upstream) on ${emulator.url}`);
try {
  const request = {
    prompt: "a lighthouse on a cliff at dusk, warm light, long exposure",
    aspect_ratio: "ASPECT_16_9",
    magic_prompt_option: "ON",
    color_palette: { name: "EMBER" },
    num_images: 2,
  };
  console.log(`generate: ${JSON.stringify(request)}`);
  const { response, paths, skipped } = await generateAndSave(client, request, outDir);
  for (const image of response.data)
    console.log(`  seed ${image.seed}, ${image.resolution}: ${image.prompt}`);
  for (const path of paths) console.log(`saved ${path}`);
  for (const skip of skipped) console.log(`skipped image ${skip.index}: ${skip.reason}`);
} finally {
  await client.close();
  await emulator.close();
}
