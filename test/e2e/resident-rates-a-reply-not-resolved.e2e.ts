import { describeInBrowser } from '../support/browser'
import { fillField, onScreen, openWorkbenchRequest, startStoryWorld, type StoryWorld } from '../support/e2e-app'

const PROBLEM = '楼下垃圾桶三天没人清，味道很大'

let world: StoryWorld
beforeAll(async () => {
  world = await startStoryWorld()
})
afterAll(() => world?.close())

describeInBrowser('another request is rated not resolved and reopens', () => {
  test('the resident says it is not resolved, and it goes back to the handler, escalated', async () => {
    const resident = await world.signedInAs('康乐居民（已认证）')
    await onScreen(resident, '首页').click()
    await onScreen(resident, '有困难找居村').click()
    await onScreen(resident, '环境卫生').click()
    await fillField(resident, '遇到了什么事', PROBLEM)
    await onScreen(resident, '提交').click()
    await onScreen(resident, '看办理进度').click()
    await onScreen(resident, '环境卫生 · 等待接单').waitFor()

    const worker = await world.signedInAs('网格员（康乐一、二网格）')
    await openWorkbenchRequest(worker, '待接单', PROBLEM)
    await onScreen(worker, '接单').click()
    await onScreen(worker, '确认接单').click()
    await onScreen(worker, '答复办理结果').click()
    await fillField(worker, '办理结果', '已经清运')
    await onScreen(worker, '答复居民').click()
    await onScreen(worker, '环境卫生 · 已答复，等待评价').waitFor()

    await resident.reload()
    await onScreen(resident, '请评价这次办理').waitFor()
    await onScreen(resident, '没有解决').click()
    await onScreen(resident, '选“没有解决”，这件事会重新办理。').waitFor()
    await onScreen(resident, '不满意').click()
    await fillField(resident, '想说的话', '只清了一半，今天又堆满了')
    await onScreen(resident, '提交评价').click()
    await onScreen(resident, '环境卫生 · 已上报，协同办理').waitFor()
    await onScreen(resident, '康乐居民王阿姨 评价没有解决，重新办理').waitFor()
    expect(await onScreen(resident, '请评价这次办理').count()).toBe(0)

    await openWorkbenchRequest(worker, '办理中', PROBLEM)
    await onScreen(worker, '答复办理结果').waitFor()
    expect(await worker.locator('.timeline').filter({ visible: true }).innerText()).toContain('只清了一半，今天又堆满了')
    expect(world.pageErrors).toEqual([])
  })
})
