// The sandboxed preload: exposes exactly one invoke entry point and one event subscription.
// Built as a single CommonJS file (sandboxed preloads cannot load modules).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { type CrmBridge, EVENT_CHANNEL, INVOKE_CHANNEL } from '../contract/bridge'

const bridge: CrmBridge = {
  invoke: (method, input) => ipcRenderer.invoke(INVOKE_CHANNEL, String(method), input),
  on: (event, listener) => {
    const wrapped = (_: IpcRendererEvent, message: { event: string; payload: unknown }) => {
      if (message?.event === event) listener(message.payload as never)
    }
    ipcRenderer.on(EVENT_CHANNEL, wrapped)
    return () => void ipcRenderer.removeListener(EVENT_CHANNEL, wrapped)
  },
}

contextBridge.exposeInMainWorld('crm', bridge)
