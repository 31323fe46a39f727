/**
 * The floor: the least a relay that forwards each update to each other client of its room
 * can cost. It parses WebSocket frames with the same `ws` library as our relay, checks
 * nothing, stores nothing, applies nothing (no Yjs), and writes each update once to every
 * other socket of the room, pre-framed, in one plain socket write (what our relay's
 * sendWire does). Answers a sync step 1 with an empty step 2 so clients behave as with
 * a real server. Bench only: it is what the CPU goal is measured against to say what
 * is left for a relay's own work once the kernel's per-delivery cost is paid.
 *
 *   PORT=8080 node bench/relay/floor-server.mjs
 */
import http from 'node:http';
import { WebSocketServer } from 'ws';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
/** room name -> open sockets */
const rooms = new Map();

const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('floor');
});
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });

/** A binary WebSocket frame around payload (server frames are unmasked). */
function frame(payload) {
  const len = payload.length;
  const head = len < 126 ? 2 : len < 65536 ? 4 : 10;
  const out = Buffer.allocUnsafe(head + len);
  out[0] = 0x82;
  if (len < 126) out[1] = len;
  else if (len < 65536) {
    out[1] = 126;
    out.writeUInt16BE(len, 2);
  } else {
    out[1] = 127;
    out.writeUInt32BE(Math.floor(len / 2 ** 32), 2);
    out.writeUInt32BE(len >>> 0, 6);
  }
  out.set(payload, head);
  return out;
}

const EMPTY_STEP2 = Buffer.from([0, 1, 2, 0, 0]);

server.on('upgrade', (req, socket, head) => {
  const name = (req.url ?? '/').slice(1).split('?')[0];
  wss.handleUpgrade(req, socket, head, (ws) => {
    let room = rooms.get(name);
    if (!room) rooms.set(name, (room = new Set()));
    room.add(ws);
    ws.on('message', (data) => {
      // y-websocket sync message: [0 = sync, 0 = step 1 | 1 = step 2 | 2 = update, ...]
      if (data[0] !== 0) return;
      if (data[1] === 0) return void ws.send(EMPTY_STEP2);
      if (data[1] !== 2 && data[1] !== 1) return;
      const wire = frame(data);
      for (const other of room) if (other !== ws) other._socket.write(wire);
    });
    ws.on('close', () => {
      room.delete(ws);
      if (room.size === 0) rooms.delete(name);
    });
  });
});

server.listen(port, host);
process.on('SIGTERM', () => process.exit(0));
