import { chineseNumeral, naturalCompare, naturalSort } from '../../types/natural-order'

const sorted = (names: string[]) => naturalSort(names, (name) => name)

describe('natural order of numbered names', () => {
  test('Chinese numerals by value: 一 before 二/三/四, 十 after 九', () => {
    expect(sorted(['康乐四网格党支部', '康乐二网格党支部', '康乐十网格党支部', '康乐一网格党支部', '康乐三网格党支部'])).toEqual([
      '康乐一网格党支部',
      '康乐二网格党支部',
      '康乐三网格党支部',
      '康乐四网格党支部',
      '康乐十网格党支部',
    ])
  })

  test('digits by value: 2号楼 before 10号楼, 101室 before 1001室', () => {
    expect(sorted(['10号楼', '2号楼', '1号楼'])).toEqual(['1号楼', '2号楼', '10号楼'])
    expect(sorted(['1001室', '201室', '101室'])).toEqual(['101室', '201室', '1001室'])
    expect(sorted(['张家宅12号', '张家宅5号', '张家宅18号', '张家宅1号'])).toEqual(['张家宅1号', '张家宅5号', '张家宅12号', '张家宅18号'])
  })

  test('the words around the numbers still order the names', () => {
    expect(sorted(['翠湖苑 2号楼', '康乐小区 10号楼', '康乐小区 2号楼'])).toEqual(['翠湖苑 2号楼', '康乐小区 2号楼', '康乐小区 10号楼'])
    expect(naturalCompare('康乐社区', '康乐社区')).toBe(0)
  })

  test('reads Chinese numerals with and without units', () => {
    expect([ '一', '九', '十', '十一', '二十', '二十三', '一百零五', '两', '〇五'].map(chineseNumeral)).toEqual([1, 9, 10, 11, 20, 23, 105, 2, 5])
  })

  test('sorting leaves its input as it was', () => {
    const names = ['二', '一']
    sorted(names)
    expect(names).toEqual(['二', '一'])
  })
})
